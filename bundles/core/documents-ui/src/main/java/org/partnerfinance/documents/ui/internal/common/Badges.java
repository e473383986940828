package org.partnerfinance.documents.ui.internal.common;

import java.time.LocalDate;
import java.util.List;

import org.partnerfinance.documents.api.DisputeStatus;
import org.partnerfinance.documents.api.Document;
import org.partnerfinance.documents.api.DocumentStatus;
import org.partnerfinance.documents.api.Payment;
import org.partnerfinance.documents.api.PaymentStatus;
import org.partnerfinance.documents.api.Settlement;

import com.vaadin.flow.component.html.Span;

/**
 * Lumo badges for the states a partner reads at a glance. The settlement badge tells the truth about money: "Paid"
 * only with a bank confirmation, otherwise what is scheduled or merely reported; overdue items are red.
 */
public final class Badges {

    private Badges() {
    }

    /** A badge with the given text (set as text, never as markup) and Lumo theme names. */
    public static Span badge(String text, List<String> theme) {
        Span badge = new Span();
        badge.setText(text);
        badge.getElement().getThemeList().add("badge");
        badge.getElement().getThemeList().addAll(theme);
        return badge;
    }

    public static List<String> statusTheme(DocumentStatus status) {
        return switch (status) {
            case OPEN -> List.of();
            case PARTIALLY_SETTLED -> List.of("contrast");
            case SETTLED -> List.of("success");
        };
    }

    public static Span status(DocumentStatus status) {
        return badge(Formats.words(status), statusTheme(status));
    }

    /** The sentence the partner reads about a document's payment, with "overdue" when it is. */
    public static String settlementText(Document document, LocalDate today) {
        String label = document.settlement().label();
        long overdue = document.daysOverdue(today);
        if (overdue > 0 && document.settlement().state() != Settlement.State.PAID) {
            return label + " · " + overdue + (overdue == 1 ? " day" : " days") + " overdue";
        }
        return label;
    }

    /** Theme of the settlement badge: red when overdue, green when paid, warning while only reported. */
    public static List<String> settlementTheme(Document document, LocalDate today) {
        Settlement.State state = document.settlement().state();
        if (state != Settlement.State.PAID && document.daysOverdue(today) > 0) {
            return List.of("error");
        }
        return switch (state) {
            case PAID -> List.of("success");
            case REPORTED_PAID -> List.of("warning");
            case SCHEDULED, SENT_TO_BANK, PARTIALLY_PAID -> List.of("contrast");
            case UNPAID -> List.of();
        };
    }

    public static Span settlement(Document document, LocalDate today) {
        return badge(settlementText(document, today), settlementTheme(document, today));
    }

    public static Span dispute(DisputeStatus status) {
        return badge("Dispute " + Formats.words(status).toLowerCase(java.util.Locale.ROOT), switch (status) {
            case OPEN -> List.of("warning");
            case ACCEPTED -> List.of("success");
            case REJECTED -> List.of("error");
        });
    }

    /** A payment's status; a payment sent to the bank says when ("Sent to bank on 2026-12-02"). */
    public static Span payment(Payment payment) {
        if (payment.status() == PaymentStatus.SENT) {
            return badge(payment.statusText(), List.of("contrast"));
        }
        return payment(payment.status());
    }

    public static Span payment(PaymentStatus status) {
        return badge(switch (status) {
            case SCHEDULED -> "Scheduled";
            case SENT -> "Sent to bank";
            case REPORTED -> "Reported, not yet confirmed by the bank";
            case CONFIRMED -> "Confirmed by the bank";
        }, switch (status) {
            case SCHEDULED, SENT -> List.of("contrast");
            case REPORTED -> List.of("warning");
            case CONFIRMED -> List.of("success");
        });
    }
}
