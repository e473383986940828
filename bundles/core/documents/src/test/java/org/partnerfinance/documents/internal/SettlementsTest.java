package org.partnerfinance.documents.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.Test;
import org.partnerfinance.documents.api.PaymentStatus;
import org.partnerfinance.documents.api.Settlement;

public class SettlementsTest {

    private static final LocalDate D = LocalDate.of(2025, 3, 1);

    private static Settlements.Candidate c(long id, String number, int dueDay, String open) {
        return new Settlements.Candidate(id, number, D.plusDays(dueDay), D, new BigDecimal(open));
    }

    @Test
    public void oldestDueFirstAndTheRestOnAccount() {
        List<Settlements.Planned> plan = Settlements.autoAllocate(new BigDecimal("250"), "",
                List.of(c(1, "A", 20, "100"), c(2, "B", 10, "100"), c(3, "C", 30, "100")));
        assertEquals(List.of(new Settlements.Planned(2, new BigDecimal("100")),
                new Settlements.Planned(1, new BigDecimal("100")), new Settlements.Planned(3, new BigDecimal("50"))),
                plan);
        // over-payment: everything settled, the rest is not planned (unapplied)
        List<Settlements.Planned> over = Settlements.autoAllocate(new BigDecimal("500"), "",
                List.of(c(1, "A", 20, "100")));
        assertEquals(List.of(new Settlements.Planned(1, new BigDecimal("100"))), over);
        assertTrue(Settlements.autoAllocate(new BigDecimal("5"), "", List.of()).isEmpty());
    }

    @Test
    public void documentsTheRemittanceNamesComeFirst() {
        List<Settlements.Planned> plan = Settlements.autoAllocate(new BigDecimal("120"), "Inv C and inv-a12",
                List.of(c(1, "INV-A1", 5, "100"), c(2, "C", 30, "100"), c(3, "INV-A12", 40, "10")));
        assertEquals(List.of(new Settlements.Planned(2, new BigDecimal("100")),
                new Settlements.Planned(3, new BigDecimal("10")), new Settlements.Planned(1, new BigDecimal("10"))),
                plan);
        assertTrue(Settlements.mentions("PAID INV-7.", "inv-7"));
        assertFalse(Settlements.mentions("PAID INV-77", "INV-7"));
        assertFalse(Settlements.mentions("PAID XINV-7", "INV-7"));
    }

    @Test
    public void pendingAllocationsSettleOnlyWhatIsOpenAtConfirmation() {
        assertEquals(new BigDecimal("70"), Settlements.effectiveAtConfirmation(new BigDecimal("100"),
                new BigDecimal("70")));
        assertEquals(new BigDecimal("100"), Settlements.effectiveAtConfirmation(new BigDecimal("100"),
                new BigDecimal("150")));
        assertEquals(BigDecimal.ZERO, Settlements.effectiveAtConfirmation(new BigDecimal("100"), BigDecimal.ZERO));
    }

    @Test
    public void whatThePartnerIsTold() {
        BigDecimal gross = new BigDecimal("100");
        assertEquals(Settlement.UNPAID, Settlements.of(gross, gross, List.of()));
        assertEquals(Settlement.State.PARTIALLY_PAID, Settlements.of(gross, new BigDecimal("40"),
                List.of(new Settlements.Item(true, PaymentStatus.CONFIRMED, D, "SAP", "B1"))).state());
        Settlement reported = Settlements.of(gross, gross,
                List.of(new Settlements.Item(false, PaymentStatus.REPORTED, D, "SAP", null),
                        new Settlements.Item(false, PaymentStatus.SCHEDULED, D.plusDays(3), "SAP", null)));
        assertEquals("Reported paid by SAP, not yet confirmed by the bank", reported.label());
        assertEquals("Payment scheduled for 2025-03-04", Settlements.of(gross, gross,
                List.of(new Settlements.Item(false, PaymentStatus.SCHEDULED, D.plusDays(3), "SAP", null))).label());
        // a payment order went to the bank (the item's date is the day it was sent): that beats a mere schedule
        Settlement sent = Settlements.of(gross, gross,
                List.of(new Settlements.Item(false, PaymentStatus.SCHEDULED, D.plusDays(9), "portal", null),
                        new Settlements.Item(false, PaymentStatus.SENT, D.plusDays(1), "portal", null)));
        assertEquals(Settlement.State.SENT_TO_BANK, sent.state());
        assertEquals("Sent to bank on 2025-03-02", sent.label());
        Settlement paid = Settlements.of(gross, BigDecimal.ZERO,
                List.of(new Settlements.Item(true, PaymentStatus.CONFIRMED, D, "SAP", "B1"),
                        new Settlements.Item(true, PaymentStatus.CONFIRMED, D.plusDays(9), "SAP", "B2")));
        assertEquals(new Settlement(Settlement.State.PAID, D.plusDays(9), null, "B2"), paid);
    }
}
