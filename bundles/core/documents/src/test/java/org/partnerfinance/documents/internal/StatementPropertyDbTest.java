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
                assertEquals(partner + " " + from + ".." + asOf, jpqlLines(partner, from, asOf, s.opening()),
                        s.lines());
                assertEquals(s.closing(), s.aging().total());
                assertEquals(partner + " " + asOf, expectedClosing(all, payments, partner, asOf), s.closing());
            }
            assertTrue(asOf + ": " + statements.reconcile(FINANCE, asOf).differences(),
                    statements.reconcile(FINANCE, asOf).reconciled());
        }
    }

    /**
     * The movements as the statement read them before it used plain JDBC: two JPQL projections sorted together by
     * date, documents before payments on one day, then by id. The statement's lines must be equal, scale included.
     */
    private List<StatementLine> jpqlLines(String partner, LocalDate from, LocalDate to, BigDecimal opening) {
        record Movement(LocalDate date, int order, long id, String kind, Direction direction, String number,
                BigDecimal signed, boolean document) {
        }
        List<Movement> movements = new ArrayList<>(engine.tx(em -> {
            List<Movement> read = new ArrayList<>();
            for (Object[] row : em.createQuery("SELECT d.id, d.issueDate, d.direction, d.kind, d.number, d.gross "
                            + "FROM DocumentEntity d WHERE d.partnerId = :p AND d.currency = :c "
                            + "AND d.issueDate >= :from AND d.issueDate <= :to ORDER BY d.issueDate, d.id",
                            Object[].class)
                    .setParameter("p", partner).setParameter("c", "EUR").setParameter("from", from)
                    .setParameter("to", to).getResultList()) {
                Direction direction = (Direction) row[2];
                DocumentKind kind = (DocumentKind) row[3];
                read.add(new Movement((LocalDate) row[1], 0, (Long) row[0],
                        kind == DocumentKind.INVOICE ? "invoice" : "credit-note", direction, (String) row[4],
                        StatementServiceImpl.signed(direction, kind, (BigDecimal) row[5]), true));
            }
            for (Object[] row : em.createQuery("SELECT p.id, p.bookingDate, p.direction, p.endToEndId, "
                            + "p.bankReference, p.amount FROM PaymentEntity p WHERE p.partnerId = :p "
                            + "AND p.currency = :c AND p.status = :confirmed AND p.bookingDate >= :from "
                            + "AND p.bookingDate <= :to ORDER BY p.bookingDate, p.id", Object[].class)
                    .setParameter("p", partner).setParameter("c", "EUR")
                    .setParameter("confirmed", PaymentStatus.CONFIRMED).setParameter("from", from)
                    .setParameter("to", to).getResultList()) {
                Direction direction = (Direction) row[2];
                String reference = row[3] != null ? (String) row[3] : row[4] != null ? (String) row[4]
                        : "PAY-" + row[0];
                read.add(new Movement((LocalDate) row[1], 1, (Long) row[0],
                        direction == Direction.RECEIVABLE ? "payment-received" : "payment-sent", direction,
                        reference, StatementServiceImpl.signedPayment(direction, (BigDecimal) row[5]), false));
            }
            return read;
        }));
        movements.sort(java.util.Comparator.comparing(Movement::date).thenComparingInt(Movement::order)
                .thenComparingLong(Movement::id));
        List<StatementLine> lines = new ArrayList<>();
        BigDecimal balance = opening;
        for (Movement m : movements) {
            balance = balance.add(m.signed());
            BigDecimal debit = m.signed().signum() > 0 ? m.signed() : BigDecimal.ZERO;
            BigDecimal credit = m.signed().signum() < 0 ? m.signed().negate() : BigDecimal.ZERO;
            lines.add(new StatementLine(m.date(), m.kind(), m.direction(), m.number(), cents(debit), cents(credit),
                    cents(balance), m.document() ? m.id() : null, m.document() ? null : m.id()));
        }
        return lines;
    }

    private static BigDecimal cents(BigDecimal value) {
        return value.setScale(2, java.math.RoundingMode.UNNECESSARY);
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
