package org.partnerfinance.claims.ui.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.partnerfinance.claims.api.Claim;
import org.partnerfinance.claims.api.ClaimStatus;
import org.partnerfinance.claims.api.ClaimValidationException;
import org.partnerfinance.claims.api.ComplianceOutcome;
import org.partnerfinance.claims.api.IllegalTransitionException;
import org.partnerfinance.claims.api.RejectionCode;
import org.partnerfinance.claims.api.RejectionReason;
import org.partnerfinance.ledger.api.Money;
import org.partnerfinance.persistence.api.ConcurrentChangeException;
import org.partnerfinance.security.api.AccessDeniedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.html.Span;

/** Small presentation helpers shared by the claim screens. */
final class Ui {

    private static final Logger LOG = LoggerFactory.getLogger(Ui.class);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    static final String CONCURRENT_CHANGE = "Someone else changed this claim at the same time. "
            + "The latest state is shown; please check it and try again.";
    static final String UNEXPECTED = "The action could not be completed. Please try again; if it keeps failing, "
            + "contact the portal administrator.";

    private Ui() {
    }

    /** Lumo badge theme names for a claim status. */
    static List<String> statusTheme(ClaimStatus status) {
        return switch (status) {
            case DRAFT -> List.of("badge", "contrast");
            case SUBMITTED, SCHEDULED -> List.of("badge");
            case RETURNED -> List.of("badge", "warning");
            case APPROVED -> List.of("badge", "success");
            case REJECTED -> List.of("badge", "error");
            case WITHDRAWN -> List.of("badge", "contrast", "pill");
            case PAID -> List.of("badge", "success", "primary");
            case CLOSED -> List.of("badge", "success", "contrast");
        };
    }

    static List<String> outcomeTheme(ComplianceOutcome outcome) {
        return switch (outcome) {
            case PASS -> List.of("badge", "success");
            case WARN -> List.of("badge", "warning");
            case FAIL -> List.of("badge", "error");
        };
    }

    /** "Submitted", "Paid", ... */
    static String label(ClaimStatus status) {
        String name = status.name();
        return name.charAt(0) + name.substring(1).toLowerCase(java.util.Locale.ROOT);
    }

    static Span badge(String text, List<String> theme) {
        Span badge = new Span();
        badge.setText(text);
        badge.getElement().getThemeList().addAll(theme);
        return badge;
    }

    static Span statusBadge(ClaimStatus status) {
        return badge(label(status), statusTheme(status));
    }

    static String money(Money money) {
        return money == null ? "" : money.format();
    }

    static String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant.atZone(ZoneId.systemDefault()));
    }

    static String reason(RejectionReason reason) {
        return reason == null ? "" : reason.code() + " " + reason.text();
    }

    /** A rejection as the catalogue has it (the code's current text, also once it is retired). */
    static String reason(RejectionCode reason) {
        return reason == null ? "" : reason.code() + " " + reason.text();
    }

    /**
     * Where a claim is in its approval and by when that is due, e.g. "Step 1 of 2 (Finance reviewer), due
     * 2025-03-22 10:00"; for a returned claim, the partner's answer.
     */
    static String waitingFor(Claim c) {
        if (c.status() == ClaimStatus.RETURNED) {
            return "Your answer and resubmission";
        }
        return c.currentStep().map(step -> "Step " + step.number() + " of " + c.steps().size() + " ("
                + roleName(step.role()) + ")" + (step.due() == null ? "" : ", due " + dateTime(step.due())))
                .orElse("");
    }

    /** The name of an approving role, e.g. "Finance reviewer" for {@code finance-reviewer}. */
    static String roleName(String roleId) {
        if (roleId == null || roleId.isEmpty()) {
            return "";
        }
        String words = roleId.replace('-', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** Whole days between two instants, never negative. */
    static long ageInDays(Instant since, Instant now) {
        if (since == null || now == null || now.isBefore(since)) {
            return 0;
        }
        return Duration.between(since, now).toDays();
    }

    /**
     * The sentence to show for a failed service call. Exceptions the services document carry messages written for
     * people; anything else is logged and replaced by a generic sentence, so no internals reach the browser.
     */
    static String messageOf(RuntimeException e) {
        if (e instanceof ConcurrentChangeException) {
            return CONCURRENT_CHANGE;
        }
        if (e instanceof ClaimValidationException || e instanceof AccessDeniedException
                || e instanceof IllegalTransitionException || e instanceof IllegalArgumentException) {
            String message = e.getMessage();
            return message == null || message.isBlank() ? UNEXPECTED : message;
        }
        LOG.warn("Unexpected failure in a claim screen", e);
        return UNEXPECTED;
    }
}
