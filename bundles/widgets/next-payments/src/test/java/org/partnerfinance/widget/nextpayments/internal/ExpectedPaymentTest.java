package org.partnerfinance.widget.nextpayments.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.Test;
import org.partnerfinance.documents.api.Allocation;
import org.partnerfinance.documents.api.Direction;
import org.partnerfinance.documents.api.Document;
import org.partnerfinance.documents.api.DocumentKind;
import org.partnerfinance.documents.api.DocumentStatus;
import org.partnerfinance.documents.api.Payment;
import org.partnerfinance.documents.api.PaymentMethod;
import org.partnerfinance.documents.api.PaymentStatus;
import org.partnerfinance.documents.api.Settlement;
import org.partnerfinance.ledger.api.Money;

public class ExpectedPaymentTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    private static Payment payment(long id, PaymentStatus status, LocalDate valueDate, String amount, Long settles) {
        List<Allocation> allocations = settles == null ? List.of()
                : List.of(new Allocation(settles, "PINV-" + settles, eur(amount), valueDate, false));
        return new Payment(id, "P-1", Direction.PAYABLE, eur(amount), PaymentMethod.BANK_TRANSFER, valueDate, status,
                "", "", "SAP", null, null, null, allocations, eur("0.00"), Instant.EPOCH, 0);
    }

    private static Document payable(long id, LocalDate due, String open) {
        return new Document(id, "P-1", "Northwind", Direction.PAYABLE, DocumentKind.INVOICE, "PINV-" + id,
                due.minusDays(30), due, List.of(), List.of(), eur(open), eur("0.00"), eur(open), eur(open),
                DocumentStatus.OPEN, Settlement.UNPAID, false, null, "", "", Instant.EPOCH, 0);
    }

    @Test
    public void announcedPaymentsAndOpenPayablesSoonestFirst() {
        List<ExpectedPayment> rows = ExpectedPayment.merge(
                List.of(payment(1, PaymentStatus.SCHEDULED, TODAY.plusDays(10), "50.00", null),
                        payment(2, PaymentStatus.REPORTED, TODAY.minusDays(1), "70.00", null)),
                List.of(payable(11, TODAY.plusDays(3), "30.00"), payable(12, TODAY.minusDays(5), "20.00")), TODAY,
                10);
        assertEquals(4, rows.size());
        assertEquals("Invoice PINV-12 due", rows.get(0).what());
        assertTrue("past due", rows.get(0).overdue());
        assertEquals("Reported paid by SAP, not yet confirmed by the bank", rows.get(1).what());
        assertEquals("Invoice PINV-11 due", rows.get(2).what());
        assertFalse(rows.get(2).overdue());
        assertEquals("Payment scheduled", rows.get(3).what());
        assertEquals(eur("50.00"), rows.get(3).amount());
    }

    @Test
    public void aPayableAnAnnouncedPaymentSettlesIsNotCountedTwice() {
        List<ExpectedPayment> rows = ExpectedPayment.merge(
                List.of(payment(1, PaymentStatus.SCHEDULED, TODAY.plusDays(10), "30.00", 11L)),
                List.of(payable(11, TODAY.plusDays(3), "30.00")), TODAY, 10);
        assertEquals(1, rows.size());
        assertEquals("Payment scheduled", rows.get(0).what());
    }

    @Test
    public void confirmedPaymentsAndSettledPayablesAreNotExpectedAndTheListIsCapped() {
        List<ExpectedPayment> rows = ExpectedPayment.merge(
                List.of(payment(1, PaymentStatus.CONFIRMED, TODAY, "30.00", null)),
                List.of(payable(11, TODAY.plusDays(1), "0.00"), payable(12, TODAY.plusDays(2), "1.00"),
                        payable(13, TODAY.plusDays(3), "1.00"), payable(14, TODAY.plusDays(4), "1.00")),
                TODAY, 2);
        assertEquals(2, rows.size());
        assertEquals("Invoice PINV-12 due", rows.get(0).what());
        assertEquals("Invoice PINV-13 due", rows.get(1).what());
    }
}
