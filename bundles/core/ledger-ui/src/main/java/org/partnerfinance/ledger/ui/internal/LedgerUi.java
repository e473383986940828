package org.partnerfinance.ledger.ui.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.partnerfinance.ledger.api.Money;
import org.partnerfinance.persistence.api.ConcurrentChangeException;
import org.partnerfinance.security.api.AccessDeniedException;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.html.Span;

/** Constants and presentation helpers shared by the ledger screens. */
final class LedgerUi {

    static final String EXTENSION_ID = "ledger";
    static final String EXTENSION_NAME = "Ledger";

    static final String CONCURRENT_CHANGE = "Someone else changed this at the same time. The latest state is "
            + "shown; please check it and try again.";
    static final String UNEXPECTED = "The action could not be completed. Please try again; if it keeps failing, "
            + "contact the portal administrator.";

    private static final Logger LOG = LoggerFactory.getLogger(LedgerUi.class);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private LedgerUi() {
    }

    /** Finance managers and administrators keep the chart of accounts. */
    static boolean keepsChart(Caller caller) {
        return !caller.isPartner() && caller.hasAny(Role.FINANCE_MANAGER, Role.ADMINISTRATOR);
    }

    /** Finance managers close and reopen periods. */
    static boolean keepsPeriods(Caller caller) {
        return !caller.isPartner() && caller.has(Role.FINANCE_MANAGER);
    }

    /** Finance staff maintain exchange rates. */
    static boolean keepsRates(Caller caller) {
        return !caller.isPartner() && caller.isFinance();
    }

    static String amount(Money money) {
        return money == null ? "" : String.format(java.util.Locale.ROOT, "%,." + money.amount().scale() + "f",
                money.amount());
    }

    static String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant.atZone(ZoneId.systemDefault()));
    }

    static Span text(String id, String text) {
        Span span = new Span();
        span.setId(id);
        span.setText(text);
        return span;
    }

    /**
     * The sentence to show for a failed service call: messages of the exceptions the ledger documents are written for
     * people; anything else is logged and replaced by a generic sentence, so no internals reach the browser.
     */
    static String messageOf(RuntimeException e) {
        if (e instanceof ConcurrentChangeException) {
            return CONCURRENT_CHANGE;
        }
        if (e instanceof AccessDeniedException || e instanceof IllegalArgumentException
                || e instanceof IllegalStateException) {
            String message = e.getMessage();
            if (message != null && !message.isBlank()) {
                return message;
            }
        }
        LOG.warn("Unexpected failure in a ledger screen", e);
        return UNEXPECTED;
    }
}
