package org.partnerfinance.claims.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.lang.annotation.Annotation;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.junit.Test;
import org.partnerfinance.ledger.api.Money;
import org.partnerfinance.security.api.AccessDeniedException;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.Role;

public class ApprovalLimitsTest {

    private static final ApprovalLimits DEFAULTS = ApprovalLimits.of(config("10000", "250000"));

    private static ClaimsConfiguration config(String reviewer, String manager) {
        return new ClaimsConfiguration() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return ClaimsConfiguration.class;
            }

            @Override
            public String reviewerApprovalLimit() {
                return reviewer;
            }

            @Override
            public String managerApprovalLimit() {
                return manager;
            }
        };
    }

    private static Caller caller(Role... roles) {
        return new Caller("u", "U", Set.of(roles), null);
    }

    @Test
    public void reviewerMayApproveUpToAndIncludingTheLimit() {
        DEFAULTS.requireWithin(caller(Role.FINANCE_REVIEWER), Money.of("10000.00", "EUR"));
        AccessDeniedException e = assertThrows(AccessDeniedException.class,
                () -> DEFAULTS.requireWithin(caller(Role.FINANCE_REVIEWER), Money.of("10000.01", "EUR")));
        assertTrue(e.getMessage(), e.getMessage().contains("EUR 10,000.01"));
        assertTrue(e.getMessage(), e.getMessage().contains("limit of EUR 10000"));
        assertTrue(e.getMessage(), e.getMessage().contains("finance manager"));
    }

    @Test
    public void managerHasTheHigherLimit() {
        DEFAULTS.requireWithin(caller(Role.FINANCE_MANAGER), Money.of("250000", "USD"));
        assertThrows(AccessDeniedException.class,
                () -> DEFAULTS.requireWithin(caller(Role.FINANCE_MANAGER), Money.of("250000.01", "USD")));
        assertEquals(Optional.of(new BigDecimal("250000")),
                DEFAULTS.limitFor(caller(Role.FINANCE_REVIEWER, Role.FINANCE_MANAGER)));
        assertEquals(Optional.of(new BigDecimal("250000")),
                DEFAULTS.limitFor(new Caller("system", null, EnumSet.allOf(Role.class), null)));
    }

    @Test
    public void limitIsComparedInTheClaimsCurrency() {
        DEFAULTS.requireWithin(caller(Role.FINANCE_REVIEWER), Money.of("9999", "JPY"));
        assertThrows(AccessDeniedException.class,
                () -> DEFAULTS.requireWithin(caller(Role.FINANCE_REVIEWER), Money.of("10001", "JPY")));
    }

    @Test
    public void fractionalLimitWorksForCurrenciesWithoutDecimals() {
        ApprovalLimits fractional = ApprovalLimits.of(config("100.5", "1000"));
        fractional.requireWithin(caller(Role.FINANCE_REVIEWER), Money.of("100", "JPY"));
        AccessDeniedException e = assertThrows(AccessDeniedException.class,
                () -> fractional.requireWithin(caller(Role.FINANCE_REVIEWER), Money.of("101", "JPY")));
        assertTrue(e.getMessage(), e.getMessage().contains("JPY 100.5"));
    }

    @Test
    public void othersMayApproveNothing() {
        assertEquals(Optional.empty(), DEFAULTS.limitFor(caller(Role.ADMINISTRATOR)));
        assertThrows(AccessDeniedException.class,
                () -> DEFAULTS.requireWithin(caller(Role.ADMINISTRATOR), Money.of("1", "EUR")));
    }

    @Test
    public void limitsComeFromConfiguration() {
        ApprovalLimits custom = ApprovalLimits.of(config(" 500.50 ", "1000"));
        custom.requireWithin(caller(Role.FINANCE_REVIEWER), Money.of("500.50", "EUR"));
        assertThrows(AccessDeniedException.class,
                () -> custom.requireWithin(caller(Role.FINANCE_REVIEWER), Money.of("500.51", "EUR")));
    }

    @Test
    public void invalidConfigurationIsRejectedWithItsName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ApprovalLimits.of(config("ten thousand", "1")));
        assertTrue(e.getMessage(), e.getMessage().contains("reviewerApprovalLimit"));
        assertThrows(IllegalArgumentException.class, () -> ApprovalLimits.of(config("1", "-5")));
        assertThrows(IllegalArgumentException.class, () -> ApprovalLimits.of(config("1", null)));
    }
}
