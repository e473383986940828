package org.partnerfinance.documents.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.Test;
import org.partnerfinance.documents.api.AllocationRequest;
import org.partnerfinance.documents.api.BankConfirmation;
import org.partnerfinance.documents.api.Direction;
import org.partnerfinance.documents.api.Document;
import org.partnerfinance.documents.api.DocumentDraft;
import org.partnerfinance.documents.api.DocumentKind;
import org.partnerfinance.documents.api.DocumentQuery;
import org.partnerfinance.documents.api.Payment;
import org.partnerfinance.documents.api.PaymentDraft;
import org.partnerfinance.documents.api.PaymentMethod;
import org.partnerfinance.documents.api.PaymentQuery;
import org.partnerfinance.documents.api.PaymentStatus;
import org.partnerfinance.documents.api.Statement;
import org.partnerfinance.documents.api.StatementLine;

/**
 * Property-style: random histories of invoices, credit notes (applied or not) and payments (scheduled, reported,
 * confirmed; allocated by hand, automatically, over-paid) in both directions. At many dates, for every partner, the
 * statement must add up (opening + movements = closing; the aging buckets = closing, which the service also asserts),
 * the closing balance must equal an independent recomputation from the documents and payments, and the sub-ledger
 * must reconcile with the ledger's control accounts.
 */
public class StatementPropertyDbTest extends DocumentsDbBase {

    private static final LocalDate START = LocalDate.of(2024, 9, 1);

    @Test
    public void statementsAddUpAndReconcileOverRandomHistories() {
        Random random = new Random(20250320L);
        int counter = 0;
        for (int step = 0; step < 45; step++) {
            String partner = random.nextBoolean() ? "P-1001" : "P-2002";
            Direction direction = random.nextInt(4) == 0 ? Direction.PAYABLE : Direction.RECEIVABLE;
            LocalDate day = START.plusDays(random.nextInt(200));
            int op = random.nextInt(10);
            if (op < 5) {
                documents.create(FINANCE, new DocumentDraft(partner, direction, DocumentKind.INVOICE, "N-" + counter++,
                        day, random.nextBoolean() ? null : day.plusDays(random.nextInt(90)), "EUR",
                        List.of(line("Goods", Integer.toString(1 + random.nextInt(5)), amount(random), "S", "19"),
                                line("Service", "1", amount(random), "Z", "0")), null, null, "SAP", ""));
            } else if (op < 6) {
                List<Document> open = openInvoices(partner, direction);
                String credited = !open.isEmpty() && random.nextBoolean()
                        ? open.get(random.nextInt(open.size())).number() : null;
                documents.create(FINANCE, new DocumentDraft(partner, direction, DocumentKind.CREDIT_NOTE,
                        "C-" + counter++, day, null, "EUR", List.of(line("Credit", "1", amount(random), "S", "19")),
                        null, credited, "SAP", ""));
            } else if (op < 9) {
                PaymentStatus status = PaymentStatus.values()[random.nextInt(3)];
                List<AllocationRequest> allocations = new ArrayList<>();
                BigDecimal total = new BigDecimal(amount(random)).multiply(BigDecimal.valueOf(2));
                List<Document> open = openInvoices(partner, direction);
                if (!open.isEmpty() && random.nextBoolean()) {
                    Document d = open.get(random.nextInt(open.size()));
                    BigDecimal part = d.open().amount().min(total);
                    allocations.add(new AllocationRequest(d.id(), part));
                }
                documents.recordPayment(FINANCE, new PaymentDraft(partner, direction, total, "EUR",
                        PaymentMethod.BANK_TRANSFER, day, status, "N-" + random.nextInt(Math.max(1, counter)), null,
                        "SAP", status == PaymentStatus.CONFIRMED ? "B-" + counter++ : null, allocations));
            } else {
                List<Payment> pending = new ArrayList<>(documents.payments(FINANCE, new PaymentQuery(null, null,
                        PaymentStatus.REPORTED, null, null, 0, 50)).items());
                pending.addAll(documents.payments(FINANCE, new PaymentQuery(null, null, PaymentStatus.SCHEDULED, null,
                        null, 0, 50)).items());
                if (!pending.isEmpty()) {
                    Payment p = pending.get(random.nextInt(pending.size()));
                    LocalDate booked = p.valueDate().plusDays(random.nextInt(5));
                    documents.confirmPayment(FINANCE, p.id(), p.version(), new BankConfirmation("B-" + counter++,
                            booked.isAfter(TODAY) ? TODAY : booked));
                }
            }
        }
        List<Document> all = documents.search(FINANCE, DocumentQuery.all(500)).items();
        List<Payment> payments = documents.payments(FINANCE, new PaymentQuery(null, null, null, null, null, 0, 500))
                .items();
        assertTrue(all.size() > 15);
        for (int i = 0; i < 12; i++) {
            LocalDate asOf = START.plusDays(random.nextInt(230));
            LocalDate from = asOf.minusDays(random.nextInt(120));
            for (String partner : List.of("P-1001", "P-2002")) {
                Statement s = statements.statement(FINANCE, partner, "EUR", from, asOf);
                BigDecimal running = s.opening();
                for (StatementLine line : s.lines()) {
                    running = running.add(line.debit()).subtract(line.credit());
                    assertEquals(running, line.balance());
                }
                assertEquals(s.closing(), running);
                assertEquals(s.closing(), s.aging().total());
                assertEquals(partner + " " + asOf, expectedClosing(all, payments, partner, asOf), s.closing());
            }
            assertTrue(asOf + ": " + statements.reconcile(FINANCE, asOf).differences(),
                    statements.reconcile(FINANCE, asOf).reconciled());
        }
    }

    private List<Document> openInvoices(String partner, Direction direction) {
        return documents.search(FINANCE, new DocumentQuery(partner, direction, DocumentKind.INVOICE, null, null, null,
                null, null, DocumentQuery.Sort.DUE_DATE, true, 0, 50)).items().stream()
                .filter(d -> d.open().signum() > 0).toList();
    }

    private static String amount(Random random) {
        return BigDecimal.valueOf(100 + random.nextInt(50_000), 2).toPlainString();
    }

    /** The closing balance straight from its definition: every document and confirmed payment up to the date. */
    private static BigDecimal expectedClosing(List<Document> documents, List<Payment> payments, String partner,
            LocalDate asOf) {
        BigDecimal total = new BigDecimal("0.00");
        for (Document d : documents) {
            if (d.partnerId().equals(partner) && !d.issueDate().isAfter(asOf)) {
                total = total.add(StatementServiceImpl.signed(d.direction(), d.kind(), d.gross().amount()));
            }
        }
        for (Payment p : payments) {
            if (p.partnerId().equals(partner) && p.status() == PaymentStatus.CONFIRMED
                    && !p.bookingDate().isAfter(asOf)) {
                total = total.add(StatementServiceImpl.signedPayment(p.direction(), p.amount().amount()));
            }
        }
        return total;
    }
}
