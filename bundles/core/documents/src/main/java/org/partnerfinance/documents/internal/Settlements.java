package org.partnerfinance.documents.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.partnerfinance.documents.api.PaymentStatus;
import org.partnerfinance.documents.api.Settlement;

/**
 * What settles a document, and what the partner is told: "Paid" only when bank-confirmed payments and credit notes
 * settled it fully; before that a payment reported by a source system or scheduled for a date is said as such.
 */
final class Settlements {

    private Settlements() {
    }

    /**
     * An allocation seen from its document.
     *
     * @param effective     whether it reduced the open amount (credit notes; confirmed payments)
     * @param paymentStatus the payment's status, or {@code null} for a credit note
     * @param date          allocation date (effective) or the payment's value date (pending)
     * @param source        the payment's source system
     * @param bankReference the payment's bank reference, if confirmed
     */
    record Item(boolean effective, PaymentStatus paymentStatus, LocalDate date, String source, String bankReference) {
    }

    static Settlement of(BigDecimal gross, BigDecimal open, List<Item> items) {
        if (open.signum() == 0) {
            Item latest = items.stream().filter(Item::effective)
                    .max(Comparator.comparing(Item::date, Comparator.nullsFirst(Comparator.naturalOrder())))
                    .orElse(null);
            return new Settlement(Settlement.State.PAID, latest == null ? null : latest.date(), null,
                    latest == null ? null : latest.bankReference());
        }
        Item reported = items.stream().filter(i -> !i.effective() && i.paymentStatus() == PaymentStatus.REPORTED)
                .max(Comparator.comparing(Item::date)).orElse(null);
        if (reported != null) {
            return new Settlement(Settlement.State.REPORTED_PAID, reported.date(), reported.source(), null);
        }
        Item sent = items.stream().filter(i -> !i.effective() && i.paymentStatus() == PaymentStatus.SENT)
                .max(Comparator.comparing(Item::date)).orElse(null);
        if (sent != null) {
            return new Settlement(Settlement.State.SENT_TO_BANK, sent.date(), sent.source(), null);
        }
        Item scheduled = items.stream().filter(i -> !i.effective() && i.paymentStatus() == PaymentStatus.SCHEDULED)
                .min(Comparator.comparing(Item::date)).orElse(null);
        if (scheduled != null) {
            return new Settlement(Settlement.State.SCHEDULED, scheduled.date(), scheduled.source(), null);
        }
        if (open.compareTo(gross) < 0) {
            return new Settlement(Settlement.State.PARTIALLY_PAID, null, null, null);
        }
        return Settlement.UNPAID;
    }

    /** An open document a payment may settle. */
    record Candidate(long id, String number, LocalDate dueDate, LocalDate issueDate, BigDecimal open) {
    }

    /** A planned allocation. */
    record Planned(long documentId, BigDecimal amount) {
    }

    /**
     * Auto-allocation of a payment that names no documents: first the documents whose numbers occur in the remittance
     * text (as whole words, case-insensitively), then the oldest due date first; whatever is left stays unapplied (on
     * account).
     */
    static List<Planned> autoAllocate(BigDecimal amount, String remittance, List<Candidate> candidates) {
        Comparator<Candidate> oldestDue = Comparator.comparing(Candidate::dueDate)
                .thenComparing(Candidate::issueDate).thenComparingLong(Candidate::id);
        String text = remittance == null ? "" : remittance.toUpperCase(Locale.ROOT);
        List<Candidate> named = new ArrayList<>();
        List<Candidate> others = new ArrayList<>();
        for (Candidate c : candidates) {
            (mentions(text, c.number()) ? named : others).add(c);
        }
        named.sort(oldestDue);
        others.sort(oldestDue);
        List<Planned> planned = new ArrayList<>();
        BigDecimal left = amount;
        for (List<Candidate> group : List.of(named, others)) {
            for (Candidate c : group) {
                if (left.signum() <= 0) {
                    return planned;
                }
                BigDecimal take = c.open().min(left);
                if (take.signum() > 0) {
                    planned.add(new Planned(c.id(), take));
                    left = left.subtract(take);
                }
            }
        }
        return planned;
    }

    /** Whether the upper-cased text contains the number as a whole word (not inside a longer number). */
    static boolean mentions(String upperText, String number) {
        String key = number.strip().toUpperCase(Locale.ROOT);
        if (key.isEmpty()) {
            return false;
        }
        int from = 0;
        while (true) {
            int at = upperText.indexOf(key, from);
            if (at < 0) {
                return false;
            }
            int end = at + key.length();
            boolean startOk = at == 0 || !Character.isLetterOrDigit(upperText.charAt(at - 1));
            boolean endOk = end == upperText.length() || !Character.isLetterOrDigit(upperText.charAt(end));
            if (startOk && endOk) {
                return true;
            }
            from = at + 1;
        }
    }

    /**
     * What a pending allocation becomes when its payment is confirmed: it can only settle what is still open then
     * (another payment or a credit note may have settled the document meanwhile), so min(allocation, open); the rest
     * of the payment stays unapplied, on account, for finance to apply elsewhere or refund.
     */
    static BigDecimal effectiveAtConfirmation(BigDecimal pending, BigDecimal openNow) {
        return pending.min(openNow).max(BigDecimal.ZERO);
    }
}
