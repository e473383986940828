package org.partnerfinance.claimtype.expense.internal;

import static org.junit.Assert.assertEquals;

import java.lang.annotation.Annotation;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.Test;
import org.partnerfinance.claims.api.AttachmentUpload;
import org.partnerfinance.claims.api.ClaimDraft;
import org.partnerfinance.ledger.api.Money;

public class ExpenseClaimTypeTest {

    private static ExpenseConfiguration config(long maxBytes, int maxAgeDays, String... caps) {
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
            public int max_receipts() {
                return 3;
            }

            @Override
            public int max_age_days() {
                return maxAgeDays;
            }

            @Override
            public String[] category_caps() {
                return caps;
            }

            @Override
            public String[] mileage_rates() {
                return new String[] { "EUR 0.25" };
            }

            @Override
            public String[] per_diem_rates() {
                return new String[] { "EUR 20" };
            }
        };
    }

    @Test
    public void theConfigurationShapesTheDeclaredFieldsAndTheRules() {
        ExpenseClaimType type = new ExpenseClaimType();
        type.configure(config(1_000_000, 90, "meals EUR 40"));
        assertEquals(1_000_000, type.attachmentPolicy().maxBytes());
        assertEquals(3, type.attachmentPolicy().maxFiles());
        assertEquals("expense", type.id());
        assertEquals("New expense claim", type.formTitle());
        Clock clock = Clock.fixed(Instant.parse("2025-06-15T12:00:00Z"), ZoneOffset.UTC);
        ClaimDraft old = new ClaimDraft("expense", "P-1001", LocalDate.of(2025, 3, 16), "Dinner",
                Money.of("80", "EUR"), Map.of("category", "meals"),
                List.of(new AttachmentUpload("r.pdf", new byte[] { 1 })));
        assertEquals("91 days back is older than the configured 90", 1, type.validate(old, clock).size());
        assertEquals(Money.of("40.00", "EUR"), type.eligibleAmount(old));
    }

    @Test
    public void invalidConfigurationFallsBackToDefaults() {
        ExpenseClaimType type = new ExpenseClaimType();
        type.configure(config(-5, 0));
        assertEquals(ExpenseRules.DEFAULT_MAX_RECEIPT_BYTES, type.attachmentPolicy().maxBytes());
    }
}
