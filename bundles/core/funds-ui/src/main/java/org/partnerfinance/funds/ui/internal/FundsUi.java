package org.partnerfinance.funds.ui.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

import org.partnerfinance.funds.api.FundBalance;
import org.partnerfinance.ledger.api.Money;
import org.partnerfinance.persistence.api.ConcurrentChangeException;
import org.partnerfinance.security.api.AccessDeniedException;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Constants and presentation helpers shared by the funds screens. */
final class FundsUi {

    static final String EXTENSION_ID = "funds";
    static final String EXTENSION_NAME = "Funds and budgets";
    /** The live-update topic of funds changes. */
    static final String TOPIC = "funds";

    static final Set<Role> STAFF = Set.copyOf(EnumSet.of(Role.FINANCE_REVIEWER, Role.FINANCE_MANAGER,
            Role.ADMINISTRATOR));
    static final Set<Role> PARTNERS = Set.copyOf(EnumSet.of(Role.PARTNER_USER, Role.PARTNER_ADMIN));

    static final String CONCURRENT_CHANGE = "Someone else changed this at the same time. The latest state is "
            + "shown; please check it and try again.";
    static final String UNEXPECTED = "The action could not be completed. Please try again; if it keeps failing, "
            + "contact the portal administrator.";

    /** The buckets in bar order, with the Lumo colour each is drawn in. */
    record Bucket(String name, String color) {
    }

    static final List<Bucket> BUCKETS = List.of(new Bucket("paid", "var(--lumo-success-color)"),
            new Bucket("approved", "var(--lumo-primary-color)"),
            new Bucket("reserved", "var(--lumo-primary-color-50pct)"),
            new Bucket("expired", "var(--lumo-contrast-40pct)"),
            new Bucket("available", "var(--lumo-contrast-10pct)"));

    private static final Logger LOG = LoggerFactory.getLogger(FundsUi.class);

    private FundsUi() {
    }

    /** Finance managers and administrators maintain programmes, budgets and allocations and run the expiry. */
    static boolean manages(Caller caller) {
        return !caller.isPartner() && caller.hasAny(Role.FINANCE_MANAGER, Role.ADMINISTRATOR);
    }

    static String amount(Money money) {
        return money == null ? "" : money.format();
    }

    static Money bucket(FundBalance b, String name) {
        return switch (name) {
            case "paid" -> b.paid();
            case "approved" -> b.approved();
            case "reserved" -> b.reserved();
            case "expired" -> b.expired();
            default -> b.available();
        };
    }

    /** Share of {@code part} in {@code whole} in percent (two decimals), 0 for an empty whole. */
    static BigDecimal percent(Money part, Money whole) {
        if (whole.signum() <= 0 || part.signum() <= 0) {
            return BigDecimal.ZERO;
        }
        return part.amount().multiply(BigDecimal.valueOf(100)).divide(whole.amount(), 2, RoundingMode.HALF_EVEN);
    }

    /**
     * A stacked progress bar of an allocation's buckets (paid, approved, reserved, expired, available), drawn with
     * plain elements and inline widths: no JavaScript, no theme of its own. Its title lists the amounts.
     */
    static Div bar(FundBalance b) {
        Div bar = new Div();
        bar.addClassName("pf-fund-bar");
        bar.getStyle().set("display", "flex").set("height", "0.75em").set("width", "100%").set("min-width", "8em")
                .set("border-radius", "var(--lumo-border-radius-s)").set("overflow", "hidden")
                .set("background", "var(--lumo-contrast-5pct)");
        StringBuilder title = new StringBuilder();
        for (Bucket bucket : BUCKETS) {
            Money value = bucket(b, bucket.name());
            BigDecimal width = percent(value, b.allocated());
            if (width.signum() > 0) {
                Div segment = new Div();
                segment.addClassName("pf-fund-bar-" + bucket.name());
                segment.getStyle().set("width", width.toPlainString() + "%").set("background", bucket.color());
                bar.add(segment);
            }
            title.append(title.length() == 0 ? "" : ", ").append(bucket.name()).append(' ').append(value.format());
        }
        bar.getElement().setAttribute("title", title.toString());
        return bar;
    }

    /** The legend of the bars. */
    static Div legend() {
        Div legend = new Div();
        legend.getStyle().set("display", "flex").set("gap", "1em").set("font-size", "var(--lumo-font-size-s)");
        for (Bucket bucket : BUCKETS) {
            Span swatch = new Span();
            swatch.getStyle().set("display", "inline-block").set("width", "0.8em").set("height", "0.8em")
                    .set("margin-right", "0.3em").set("background", bucket.color());
            Span label = new Span();
            label.setText(bucket.name().substring(0, 1).toUpperCase(Locale.ROOT) + bucket.name().substring(1));
            legend.add(new Span(swatch, label));
        }
        return legend;
    }

    static Span text(String id, String text) {
        Span span = new Span();
        span.setId(id);
        span.setText(text);
        return span;
    }

    /**
     * The sentence to show for a failed service call: messages of the exceptions the funds service documents are
     * written for people; anything else is logged and replaced by a generic sentence.
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
        LOG.warn("Unexpected failure in a funds screen", e);
        return UNEXPECTED;
    }
}
