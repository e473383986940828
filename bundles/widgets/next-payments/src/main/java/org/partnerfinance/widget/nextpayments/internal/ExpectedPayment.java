package org.partnerfinance.widget.nextpayments.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.partnerfinance.documents.api.Document;
import org.partnerfinance.documents.api.Payment;
import org.partnerfinance.documents.api.PaymentStatus;
import org.partnerfinance.ledger.api.Money;

/**
 * Something the company is expected to pay the partner: a payment announced (scheduled for a date, or reported paid by
 * a source system and not yet confirmed by the bank), or an open payable due by a date with no payment announced.
 *
 * @param date    the payment's value date or the payable's due date
 * @param what    e.g. {@code Payment scheduled} or {@code Invoice PINV-7 due}
 * @param amount  what is expected
 * @param overdue a payable past its due date
 */
record ExpectedPayment(LocalDate date, String what, Money amount, boolean overdue) {

    static ExpectedPayment of(Payment payment) {
        String what = payment.status() == PaymentStatus.REPORTED
                ? "Reported paid" + (payment.sourceSystem() == null || payment.sourceSystem().isBlank() ? ""
                        : " by " + payment.sourceSystem()) + ", not yet confirmed by the bank"
                : "Payment scheduled";
        return new ExpectedPayment(payment.valueDate(), what, payment.amount(), false);
    }

    static ExpectedPayment of(Document payable, LocalDate today) {
        return new ExpectedPayment(payable.dueDate(), "Invoice " + payable.number() + " due", payable.open(),
                payable.dueDate().isBefore(today));
    }

    /**
     * Announced payments and open payables, soonest first, at most {@code limit}. A payable that an announced payment
     * already settles is left out (the payment stands for it); payables already settled or announced are not expected.
     */
    static List<ExpectedPayment> merge(List<Payment> announced, List<Document> payables, LocalDate today, int limit) {
        List<ExpectedPayment> all = new ArrayList<>();
        java.util.Set<Long> covered = new java.util.HashSet<>();
        for (Payment p : announced) {
            if (p.status() == PaymentStatus.CONFIRMED) {
                continue;
            }
            all.add(of(p));
            p.allocations().forEach(a -> covered.add(a.documentId()));
        }
        for (Document d : payables) {
            if (d.open().signum() > 0 && !covered.contains(d.id())) {
                all.add(of(d, today));
            }
        }
        all.sort(Comparator.comparing(ExpectedPayment::date));
        return all.size() > limit ? List.copyOf(all.subList(0, limit)) : List.copyOf(all);
    }
}
