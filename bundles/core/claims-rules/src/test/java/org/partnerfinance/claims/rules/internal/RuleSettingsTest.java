package org.partnerfinance.claims.rules.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.lang.annotation.Annotation;
import java.util.Currency;

import org.junit.Test;
import org.partnerfinance.ledger.api.Money;

public class RuleSettingsTest {

    /** A configuration with the defaults of the annotation but the given values. */
    private static ClaimTypeRulesConfiguration config(String type, int days, String perClaim, String perPeriod) {
        return new ClaimTypeRulesConfiguration() {
            @Override public Class<? extends Annotation> annotationType() { return ClaimTypeRulesConfiguration.class; }
            @Override public String claim_type() { return type; }
            @Override public int deadline_days() { return days; }
            @Override public int deadline_warn_days() { return 7; }
            @Override public String deadline_from_field() { return " "; }
            @Override public String cap_per_claim() { return perClaim; }
            @Override public String cap_per_period() { return perPeriod; }
            @Override public CapPeriod period() { return CapPeriod.MONTH; }
            @Override public int attachments_min() { return 0; }
            @Override public boolean duplicates_enabled() { return true; }
            @Override public String duplicates_reference_field() { return ""; }
        };
    }

    @Test
    public void theTypeComesFromTheSettingOrTheConfigurationName() {
        assertEquals("mdf", RuleSettings.of(config("mdf", 0, "", ""), "org.partnerfinance.claims.rules~x").typeId());
        assertEquals("expense",
                RuleSettings.of(config("", 0, "", ""), "org.partnerfinance.claims.rules~expense").typeId());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RuleSettings.of(config("", 0, "", ""), "org.partnerfinance.claims.rules.8f1c"));
        assertTrue(e.getMessage(), e.getMessage().contains("claim.type is required"));
    }

    @Test
    public void capsAreParsedPerCurrency() {
        RuleSettings settings = RuleSettings.of(config("expense", 30, "EUR 1000, usd 1200.50", "EUR 5000.00"), null);
        assertEquals(Money.of("1000.00", "EUR"), settings.capPerClaim().get(Currency.getInstance("EUR")));
        assertEquals(Money.of("1200.50", "USD"), settings.capPerClaim().get(Currency.getInstance("USD")));
        assertEquals(1, settings.capPerPeriod().size());
        assertTrue(settings.hasDeadline());
        assertTrue(settings.hasCaps());
        assertFalse(settings.requiresAttachments());
        assertEquals(null, settings.deadlineFromField());
    }

    @Test
    public void badCapsAreRefusedNamingTheSetting() {
        for (String bad : new String[] {"1000 EUR", "EUR", "EUR abc", "XYZ 10", "EUR 0", "EUR -5", "EUR 1.234",
                "EUR 10, EUR 20"}) {
            IllegalArgumentException e = assertThrows(bad, IllegalArgumentException.class,
                    () -> RuleSettings.of(config("expense", 0, bad, ""), null));
            assertTrue(e.getMessage(), e.getMessage().startsWith("cap.per.claim: "));
        }
    }
}
