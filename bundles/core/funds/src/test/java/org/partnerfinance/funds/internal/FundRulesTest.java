package org.partnerfinance.funds.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import org.junit.Test;
import org.partnerfinance.funds.api.FundBalance;
import org.partnerfinance.funds.api.InsufficientFundsException;
import org.partnerfinance.ledger.api.Money;

public class FundRulesTest {

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    private static FundBalance allocated(String amount) {
        FundBalance zero = FundBalance.zero(Money.currency("EUR"));
        return new FundBalance(eur(amount), zero.reserved(), zero.approved(), zero.paid(), zero.expired());
    }

    /** Asserts every bucket and the available amount, and that none is negative. */
    static void assertBuckets(FundBalance b, String allocated, String reserved, String approved, String paid,
            String expired, String available) {
        assertEquals("allocated", eur(allocated), b.allocated());
        assertEquals("reserved", eur(reserved), b.reserved());
        assertEquals("approved", eur(approved), b.approved());
        assertEquals("paid", eur(paid), b.paid());
        assertEquals("expired", eur(expired), b.expired());
        assertEquals("available", eur(available), b.available());
        assertTrue(FundRules.consistent(b));
    }

    @Test
    public void everyBucketFollowsTheLifeOfAReservation() {
        FundBalance b = allocated("1000.00");
        assertBuckets(b, "1000", "0", "0", "0", "0", "1000");
        b = FundRules.reserve(b, eur("400"), "MDF 2026 H2");
        assertBuckets(b, "1000", "400", "0", "0", "0", "600");
        b = FundRules.approve(b, eur("400"), eur("350"), false);
        assertBuckets(b, "1000", "0", "350", "0", "0", "650");
        b = FundRules.pay(b, eur("350"), eur("350"), false);
        assertBuckets(b, "1000", "0", "0", "350", "0", "650");
        b = FundRules.expire(b);
        assertBuckets(b, "1000", "0", "0", "350", "650", "0");
    }

    @Test
    public void releaseMakesTheReservationAvailableAgain() {
        FundBalance b = FundRules.reserve(allocated("500"), eur("200"), "X");
        b = FundRules.release(b, eur("200"), false);
        assertBuckets(b, "500", "0", "0", "0", "0", "500");
    }

    @Test
    public void moneyFreedAfterExpiryExpiresInsteadOfBecomingAvailable() {
        FundBalance b = FundRules.reserve(allocated("500"), eur("200"), "X");
        b = FundRules.reserve(b, eur("100"), "X");
        b = FundRules.expire(b);
        assertBuckets(b, "500", "300", "0", "0", "200", "0");
        b = FundRules.release(b, eur("100"), true);
        assertBuckets(b, "500", "200", "0", "0", "300", "0");
        b = FundRules.approve(b, eur("200"), eur("150"), true);
        assertBuckets(b, "500", "0", "150", "0", "350", "0");
        b = FundRules.pay(b, eur("150"), eur("100"), true);
        assertBuckets(b, "500", "0", "0", "100", "400", "0");
    }

    @Test
    public void aPaymentBelowTheApprovedAmountFreesTheRestOnAnActiveAllocation() {
        FundBalance b = FundRules.approve(FundRules.reserve(allocated("500"), eur("300"), "X"), eur("300"),
                eur("300"), false);
        b = FundRules.pay(b, eur("300"), eur("250"), false);
        assertBuckets(b, "500", "0", "0", "250", "0", "250");
    }

    @Test
    public void reservingMoreThanIsAvailableIsRefusedWithWhatIsAvailable() {
        FundBalance b = FundRules.reserve(allocated("1500"), eur("300"), "MDF 2026 H2");
        InsufficientFundsException e = assertThrows(InsufficientFundsException.class,
                () -> FundRules.reserve(allocated("1200"), eur("1500"), "MDF 2026 H2"));
        assertEquals("EUR 1,200.00 available in MDF 2026 H2, EUR 1,500.00 asked.", e.getMessage());
        assertEquals(eur("1200"), e.available());
        // exactly the available amount is fine, one cent more is not
        FundBalance all = FundRules.reserve(b, eur("1200"), "X");
        assertBuckets(all, "1500", "1500", "0", "0", "0", "0");
        assertThrows(InsufficientFundsException.class, () -> FundRules.reserve(b, eur("1200.01"), "X"));
    }

    @Test
    public void amountsMustBePositiveAndNoBucketGoesNegative() {
        assertThrows(IllegalArgumentException.class, () -> FundRules.reserve(allocated("10"), eur("0"), "X"));
        assertThrows(IllegalArgumentException.class, () -> FundRules.reserve(allocated("10"), eur("-1"), "X"));
        FundBalance b = FundRules.reserve(allocated("100"), eur("50"), "X");
        assertThrows(InsufficientFundsException.class, () -> FundRules.approve(b, eur("50"), eur("60"), false));
        assertThrows(IllegalStateException.class, () -> FundRules.release(b, eur("51"), false));
        FundBalance approved = FundRules.approve(b, eur("50"), eur("40"), false);
        assertThrows(InsufficientFundsException.class, () -> FundRules.pay(approved, eur("40"), eur("41"), false));
        assertThrows(IllegalStateException.class, () -> FundRules.pay(approved, eur("41"), eur("41"), false));
    }

    @Test
    public void expiringTwiceChangesNothingAndAnExhaustedAllocationExpiresNothing() {
        FundBalance b = FundRules.expire(FundRules.expire(allocated("100")));
        assertBuckets(b, "100", "0", "0", "0", "100", "0");
        FundBalance used = FundRules.reserve(allocated("100"), eur("100"), "X");
        assertBuckets(FundRules.expire(used), "100", "100", "0", "0", "0", "0");
    }

    @Test
    public void anAllocationCannotBeReducedBelowWhatIsUsed() {
        FundBalance b = FundRules.reserve(allocated("1000"), eur("600"), "X");
        assertBuckets(FundRules.reallocate(b, eur("600")), "600", "600", "0", "0", "0", "0");
        assertBuckets(FundRules.reallocate(b, eur("2000")), "2000", "600", "0", "0", "0", "1400");
        assertThrows(InsufficientFundsException.class, () -> FundRules.reallocate(b, eur("599.99")));
    }
}
