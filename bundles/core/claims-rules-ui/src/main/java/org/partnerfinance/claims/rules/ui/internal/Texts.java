package org.partnerfinance.claims.rules.ui.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.partnerfinance.claims.api.Claim;
import org.partnerfinance.claims.rules.api.ExtensionStatus;
import org.partnerfinance.persistence.api.ConcurrentChangeException;
import org.partnerfinance.security.api.AccessDeniedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Labels and error messages shared by the extension screens. */
final class Texts {

    /** Live-update topic of extension requests and decisions (published with the claim's partner). */
    static final String TOPIC = "deadline-extensions";

    static final String CONCURRENT_CHANGE = "Someone else decided on this request meanwhile. The list shows the "
            + "latest state.";
    static final String UNEXPECTED = "This did not work. Please try again; if it keeps failing, contact the portal "
            + "administrator.";

    private static final Logger LOG = LoggerFactory.getLogger(Texts.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private Texts() {
    }

    static String label(ExtensionStatus status) {
        return switch (status) {
            case REQUESTED -> "Waiting for finance";
            case GRANTED -> "Granted";
            case REFUSED -> "Refused";
        };
    }

    /** Badge theme of a status. */
    static String theme(ExtensionStatus status) {
        return switch (status) {
            case REQUESTED -> "badge contrast";
            case GRANTED -> "badge success";
            case REFUSED -> "badge error";
        };
    }

    static String when(Instant instant) {
        return instant == null ? "" : WHEN.format(instant.atZone(ZoneId.systemDefault()));
    }

    /** e.g. "CLM-000007 · Expense reimbursement · 2026-03-01 · EUR 80.00". */
    static String claimLabel(Claim claim) {
        return claim.reference() + " · " + claim.typeName() + " · " + claim.date() + " · "
                + (claim.amount() == null ? "" : claim.amount().format());
    }

    /** What a failed call tells the user: the service's own message for the documented refusals, nothing internal. */
    static String messageOf(RuntimeException e) {
        if (e instanceof ConcurrentChangeException) {
            return CONCURRENT_CHANGE;
        }
        if (e instanceof AccessDeniedException || e instanceof IllegalArgumentException) {
            String message = e.getMessage();
            return message == null || message.isBlank() ? UNEXPECTED : message;
        }
        LOG.warn("Unexpected failure in a deadline-extension screen", e);
        return UNEXPECTED;
    }
}
