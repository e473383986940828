package org.partnerfinance.widget.myclaims.internal;

import static org.junit.Assert.assertEquals;

import java.util.EnumSet;
import java.util.List;

import org.junit.Test;
import org.partnerfinance.claims.api.ClaimStatus;
import org.partnerfinance.claims.api.StatusTotal;
import org.partnerfinance.ledger.api.Money;

public class StatusSummaryTest {

    @Test
    public void everyStatusHasItsPlaceSoNoClaimsAreLeftOutOfTheCard() {
        assertEquals(EnumSet.allOf(ClaimStatus.class), EnumSet.copyOf(StatusSummary.ORDER));
        assertEquals(ClaimStatus.values().length, StatusSummary.ORDER.size());
    }

    @Test
    public void closedPreApprovalsAreCountedAfterThePaidClaims() {
        List<StatusSummary> card = StatusSummary.of(List.of(
                new StatusTotal(ClaimStatus.CLOSED, 2, Money.of("900", "EUR")),
                new StatusTotal(ClaimStatus.PAID, 1, Money.of("850", "EUR"))));
        assertEquals(List.of(ClaimStatus.PAID, ClaimStatus.CLOSED), card.stream().map(StatusSummary::status).toList());
        assertEquals("Closed", card.get(1).label());
        assertEquals("EUR 900.00", card.get(1).totalsText());
    }
}
