package org.partnerfinance.claimtype.expense.internal;

import static org.junit.Assert.assertEquals;

import java.lang.annotation.Annotation;

import org.junit.Test;
import org.partnerfinance.claims.api.ClaimTypeId;
import org.partnerfinance.claims.api.ClaimTypeName;

public class ExpenseClaimTypeTest {

    private static ExpenseConfiguration config(long maxBytes, int maxAgeDays) {
        return new ExpenseConfiguration() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return ExpenseConfiguration.class;
            }

            @Override
            public long max_receipt_bytes() {
                return maxBytes;
            }

            @Override
            public int max_age_days() {
                return maxAgeDays;
            }
        };
    }

    @Test
    public void configurationSetsTheReceiptLimit() {
        ExpenseClaimType type = new ExpenseClaimType();
        type.configure(config(1_000_000, 90));
        assertEquals(1_000_000, type.attachmentPolicy().maxBytes());
        assertEquals("expense", ExpenseClaimType.class.getAnnotation(ClaimTypeId.class).value());
        assertEquals("Expense reimbursement", ExpenseClaimType.class.getAnnotation(ClaimTypeName.class).value());
        java.time.Clock clock = java.time.Clock.fixed(java.time.Instant.parse("2025-06-15T12:00:00Z"),
                java.time.ZoneOffset.UTC);
        org.partnerfinance.claims.api.ClaimDraft old = new org.partnerfinance.claims.api.ClaimDraft("expense", "P-1001",
                java.time.LocalDate.of(2025, 3, 16), "Hotel", org.partnerfinance.ledger.api.Money.of("80", "EUR"),
                java.util.Map.of("category", "accommodation"), java.util.List.of());
        assertEquals("91 days back is older than the configured 90", 1, type.validate(old, clock).size());
    }

    @Test
    public void invalidConfigurationFallsBackToDefaults() {
        ExpenseClaimType type = new ExpenseClaimType();
        type.configure(config(-5, 0));
        assertEquals(ExpenseRules.DEFAULT_MAX_RECEIPT_BYTES, type.attachmentPolicy().maxBytes());
    }
}
