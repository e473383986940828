package org.partnerfinance.claims.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.lang.annotation.Annotation;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.junit.Test;
import org.partnerfinance.ledger.api.Money;
import org.partnerfinance.security.api.AccessDeniedException;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.Role;

public class ApprovalLimitsTest {

    private static final ApprovalLimits DEFAULTS = ApprovalLimits.of(config("EUR 10000, USD 11000",
            "EUR 250000, USD 275000"));
    private static final Currency EUR = Currency.getInstance("EUR");

    private static ClaimsConfiguration config(String reviewer, String manager) {
        return new ClaimsConfiguration() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return ClaimsConfiguration.class;
            }

            @Override
            public String reviewerApprovalLimits() {
                return reviewer;
            }

            @Override
            public String managerApprovalLimits() {
                return manager;
            }

            @Override
            public String userApprovalLimits() {
                return "";
            }

            @Override
            public String approvalChains() {
                return TestClaims.defaults(ClaimsConfiguration.class).approvalChains();
            }

            @Override
            public int reviewerStepDays() {
                return 2;
            }

            @Override
            public int managerStepDays() {
                return 3;
            }

            @Override
            public int reminderHoursBeforeDue() {
                return 24;
            }
        };
    }

    private static Caller caller(Role... roles) {
        return new Caller("u", "U", Set.of(roles), null);
    }

    @Test
    public void aPersonalLimitAppliesOnTopOfTheRoleLimit() {
        ApprovalLimits limits = new ApprovalLimits(DEFAULTS.reviewer(), DEFAULTS.manager(),
                ApprovalLimits.parseUsers("u: EUR 500; boss: unlimited"));
        limits.requireWithin(caller(Role.FINANCE_REVIEWER), Money.of("500", "EUR"));
        AccessDeniedException over = assertThrows(AccessDeniedException.class,
                () -> limits.requireWithin(caller(Role.FINANCE_REVIEWER), Money.of("500.01", "EUR")));
        assertTrue(over.getMessage(), over.getMessage().contains("personal approval limit of EUR 500"));
        AccessDeniedException usd = assertThrows(AccessDeniedException.class,
                () -> limits.requireWithin(caller(Role.FINANCE_REVIEWER), Money.of("5", "USD")));
        assertTrue(usd.getMessage(), usd.getMessage().contains("none in USD"));
        // an unlimited personal limit does not lift the role's
        Caller boss = new Caller("boss", "Boss", Set.of(Role.FINANCE_REVIEWER), null);
        assertThrows(AccessDeniedException.class, () -> limits.requireWithin(boss, Money.of("10000.01", "EUR")));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> ApprovalLimits.parseUsers("EUR 500"));
        assertTrue(bad.getMessage(), bad.getMessage().contains("userApprovalLimits"));
    }

    @Test
    public void reviewerMayApproveUpToAndIncludingTheLimitOfTheClaimsCurrency() {
        DEFAULTS.requireWithin(caller(Role.FINANCE_REVIEWER), Money.of("10000.00", "EUR"));
        AccessDeniedException e = assertThrows(AccessDeniedException.class,
                () -> DEFAULTS.requireWithin(caller(Role.FINANCE_REVIEWER), Money.of("10000.01", "EUR")));
        assertTrue(e.getMessage(), e.getMessage().contains("EUR 10,000.01"));
        assertTrue(e.getMessage(), e.getMessage().contains("limit of EUR 10000"));
        assertTrue(e.getMessage(), e.getMessage().contains("finance manager"));

        // the USD limit applies to USD claims, not the EUR one
        DEFAULTS.requireWithin(caller(Role.FINANCE_REVIEWER), Money.of("11000", "USD"));
        assertThrows(AccessDeniedException.class,
                () -> DEFAULTS.requireWithin(caller(Role.FINANCE_REVIEWER), Money.of("11000.01", "USD")));
    }

    @Test
    public void aCurrencyWithoutALimitCannotBeApprovedByALimitedRole() {
        AccessDeniedException e = assertThrows(AccessDeniedException.class,
                () -> DEFAULTS.requireWithin(caller(Role.FINANCE_REVIEWER), Money.of("1", "GBP")));
        assertEquals("You cannot approve claims in GBP: your role has no approval limit in GBP (only in EUR, USD)."
                + " Someone with an approval limit in GBP has to approve this claim.", e.getMessage());
        assertThrows(AccessDeniedException.class,
                () -> DEFAULTS.requireWithin(caller(Role.FINANCE_MANAGER), Money.of("1", "JPY")));
    }

    @Test
    public void anUnlimitedRoleApprovesAnyAmountInAnyCurrency() {
        ApprovalLimits limits = ApprovalLimits.of(config("EUR 10000", " Unlimited "));
        limits.requireWithin(caller(Role.FINANCE_MANAGER), Money.of("999999999999999", "GBP"));
        limits.requireWithin(caller(Role.FINANCE_REVIEWER, Role.FINANCE_MANAGER), Money.of("1", "JPY"));
        assertThrows(AccessDeniedException.class,
                () -> limits.requireWithin(caller(Role.FINANCE_REVIEWER), Money.of("1", "GBP")));
    }

    @Test
    public void aCallerWithBothRolesGetsTheHigherLimitPerCurrency() {
        ApprovalLimits limits = ApprovalLimits.of(config("EUR 10000, GBP 9000", "EUR 250000"));
        Caller both = caller(Role.FINANCE_REVIEWER, Role.FINANCE_MANAGER);
        assertEquals(Optional.of(new ApprovalLimits.Limit.UpTo(new BigDecimal("250000"))), limits.limitFor(both, EUR));
        // only the reviewer role has a GBP limit: it still counts for someone who also manages
        limits.requireWithin(both, Money.of("9000", "GBP"));
        assertThrows(AccessDeniedException.class, () -> limits.requireWithin(both, Money.of("9000.01", "GBP")));
        AccessDeniedException none = assertThrows(AccessDeniedException.class,
                () -> limits.requireWithin(both, Money.of("1", "USD")));
        assertTrue(none.getMessage(), none.getMessage().contains("(only in EUR, GBP)"));
        assertEquals(Optional.of(new ApprovalLimits.Limit.UpTo(new BigDecimal("250000"))),
                DEFAULTS.limitFor(new Caller("system", null, EnumSet.allOf(Role.class), null), EUR));
    }

    @Test
    public void fractionalLimitWorksForCurrenciesWithoutDecimals() {
        ApprovalLimits fractional = ApprovalLimits.of(config("JPY 100.5", "JPY 1000"));
        fractional.requireWithin(caller(Role.FINANCE_REVIEWER), Money.of("100", "JPY"));
        AccessDeniedException e = assertThrows(AccessDeniedException.class,
                () -> fractional.requireWithin(caller(Role.FINANCE_REVIEWER), Money.of("101", "JPY")));
        assertTrue(e.getMessage(), e.getMessage().contains("JPY 100.5"));
    }

    @Test
    public void othersMayApproveNothing() {
        assertEquals(Optional.empty(), DEFAULTS.limitFor(caller(Role.ADMINISTRATOR), EUR));
        assertThrows(AccessDeniedException.class,
                () -> DEFAULTS.requireWithin(caller(Role.ADMINISTRATOR), Money.of("1", "EUR")));
        ApprovalLimits nothing = ApprovalLimits.of(config("", "EUR 1"));
        assertThrows(AccessDeniedException.class,
                () -> nothing.requireWithin(caller(Role.FINANCE_REVIEWER), Money.of("1", "EUR")));
    }

    @Test
    public void limitsComeFromConfigurationWithSpacingAndCaseForgiven() {
        ApprovalLimits custom = ApprovalLimits.of(config("  eur   500.50 ,USD 20", "EUR 1000"));
        custom.requireWithin(caller(Role.FINANCE_REVIEWER), Money.of("500.50", "EUR"));
        assertThrows(AccessDeniedException.class,
                () -> custom.requireWithin(caller(Role.FINANCE_REVIEWER), Money.of("500.51", "EUR")));
        custom.requireWithin(caller(Role.FINANCE_REVIEWER), Money.of("20", "USD"));
    }

    @Test
    public void invalidConfigurationIsRejectedWithItsNameAndTheEntry() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ApprovalLimits.of(config("10000", "EUR 1")));
        assertTrue(e.getMessage(), e.getMessage().contains("reviewerApprovalLimits"));
        assertTrue(e.getMessage(), e.getMessage().contains("'10000' is not a currency and an amount"));
        IllegalArgumentException currency = assertThrows(IllegalArgumentException.class,
                () -> ApprovalLimits.of(config("EUR 1", "XYZ 5")));
        assertTrue(currency.getMessage(), currency.getMessage().contains("managerApprovalLimits"));
        assertTrue(currency.getMessage(), currency.getMessage().contains("Unknown currency: XYZ"));
        assertThrows(IllegalArgumentException.class, () -> ApprovalLimits.of(config("EUR 1", "EUR -5")));
        assertThrows(IllegalArgumentException.class, () -> ApprovalLimits.of(config("EUR 1", "EUR ten")));
        assertThrows(IllegalArgumentException.class, () -> ApprovalLimits.of(config("EUR 1, EUR 2", "EUR 1")));
        assertThrows(IllegalArgumentException.class, () -> ApprovalLimits.of(config("EUR 1E+1000000000", "EUR 1")));
        assertThrows(IllegalArgumentException.class, () -> ApprovalLimits.of(config("EUR 1,", "EUR 1")));
    }
}
