package org.partnerfinance.documents.ui.internal.common;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.Test;
import org.partnerfinance.documents.api.Direction;
import org.partnerfinance.documents.api.Document;
import org.partnerfinance.documents.api.Payment;
import org.partnerfinance.documents.api.PaymentMethod;
import org.partnerfinance.documents.api.PaymentStatus;
import org.partnerfinance.documents.api.Settlement;
import org.partnerfinance.ledger.api.Money;

public class BadgesTest {

    private static final LocalDate BEFORE_DUE = LocalDate.of(2026, 10, 20);
    private static final LocalDate AFTER_DUE = LocalDate.of(2026, 11, 10);

    @Test
    public void paidNeedsTheBankAndShowsTheBookingDate() {
        Document paid = Samples.invoice(1, "0.00",
                new Settlement(Settlement.State.PAID, LocalDate.of(2026, 10, 30), null, "BANK-1"));
        assertEquals("Paid on 2026-10-30", Badges.settlementText(paid, AFTER_DUE));
        assertEquals(List.of("success"), Badges.settlementTheme(paid, AFTER_DUE));
    }

    @Test
    public void reportedAndScheduledSayWhatTheyAre() {
        Document reported = Samples.invoice(2, "119.00",
                new Settlement(Settlement.State.REPORTED_PAID, LocalDate.of(2026, 10, 15), "SAP", null));
        assertEquals("Reported paid by SAP, not yet confirmed by the bank",
                Badges.settlementText(reported, BEFORE_DUE));
        assertEquals(List.of("warning"), Badges.settlementTheme(reported, BEFORE_DUE));

        Document scheduled = Samples.invoice(3, "119.00",
                new Settlement(Settlement.State.SCHEDULED, LocalDate.of(2026, 10, 28), null, null));
        assertEquals("Payment scheduled for 2026-10-28", Badges.settlementText(scheduled, BEFORE_DUE));

        Document sent = Samples.invoice(6, "119.00",
                new Settlement(Settlement.State.SENT_TO_BANK, LocalDate.of(2026, 10, 27), null, null));
        assertEquals("Sent to bank on 2026-10-27", Badges.settlementText(sent, BEFORE_DUE));
        assertEquals(List.of("contrast"), Badges.settlementTheme(sent, BEFORE_DUE));
    }

    @Test
    public void aPaymentSentToTheBankSaysWhen() {
        Money amount = Money.of("119.00", "EUR");
        Payment sent = new Payment(7, "P-1",
                Direction.PAYABLE, amount,
                PaymentMethod.BANK_TRANSFER, LocalDate.of(2026, 10, 30),
                PaymentStatus.SENT, "", "CLM-1", "portal", null, null, null,
                List.of(), amount, Instant.EPOCH, 1, "PF-20261027-3", LocalDate.of(2026, 10, 27));
        assertEquals("Sent to bank on 2026-10-27", Badges.payment(sent).getText());
        assertEquals("Sent to bank", Badges.payment(PaymentStatus.SENT).getText());
    }

    @Test
    public void overdueIsRedWithTheDaysUnlessPaid() {
        Document open = Samples.invoice(4, "119.00", Settlement.UNPAID);
        assertEquals("Unpaid", Badges.settlementText(open, BEFORE_DUE));
        assertEquals(List.of(), Badges.settlementTheme(open, BEFORE_DUE));
        assertEquals("Unpaid · 10 days overdue", Badges.settlementText(open, AFTER_DUE));
        assertEquals(List.of("error"), Badges.settlementTheme(open, AFTER_DUE));
        assertEquals("Unpaid · 1 day overdue", Badges.settlementText(open, LocalDate.of(2026, 11, 1)));

        Document reportedLate = Samples.invoice(5, "119.00",
                new Settlement(Settlement.State.REPORTED_PAID, LocalDate.of(2026, 11, 5), "SAP", null));
        assertEquals("a reported payment does not make an overdue item current", List.of("error"),
                Badges.settlementTheme(reportedLate, AFTER_DUE));
    }

    @Test
    public void badgeTextIsTextNotMarkup() {
        var badge = Badges.badge("<b>x</b>", List.of("error"));
        assertEquals("<b>x</b>", badge.getText());
        assertTrue(badge.getElement().getThemeList().contains("badge"));
        assertTrue(badge.getElement().getThemeList().contains("error"));
    }
}
