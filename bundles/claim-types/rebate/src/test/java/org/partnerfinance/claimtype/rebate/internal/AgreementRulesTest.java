package org.partnerfinance.claimtype.rebate.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Set;

import org.junit.Test;
import org.partnerfinance.claimtype.rebate.api.AgreementDraft;
import org.partnerfinance.claimtype.rebate.api.RebateValidationException;
import org.partnerfinance.claimtype.rebate.api.Tier;
import org.partnerfinance.claimtype.rebate.api.TierMode;
import org.partnerfinance.claimtype.rebate.api.VolumeBasis;

public class AgreementRulesTest {

    static AgreementDraft draft(List<Tier> tiers, String cap, LocalDate to) {
        return new AgreementDraft("P-1", "Networking 2026", LocalDate.of(2026, 1, 1), to, Set.of("SW-100"),
                Set.of(), VolumeBasis.AMOUNT, TierMode.RETROACTIVE, tiers, Currency.getInstance("EUR"),
                cap == null ? null : new BigDecimal(cap));
    }

    private static void refused(AgreementDraft d, String field) {
        try {
            AgreementRules.check(d);
            fail("accepted: " + d);
        } catch (RebateValidationException e) {
            assertEquals(e.getMessage(), field, e.field());
        }
    }

    @Test
    public void acceptsAValidAgreement() {
        AgreementRules.check(draft(List.of(Tier.of("0", "1"), Tier.of("10000", "2.5")), "5000",
                LocalDate.of(2026, 12, 31)));
    }

    @Test
    public void refusesBadTermsNamingTheField() {
        LocalDate end = LocalDate.of(2026, 12, 31);
        refused(draft(List.of(), null, end), "tiers");
        refused(draft(List.of(Tier.of("0", "101")), null, end), "tiers");
        refused(draft(List.of(Tier.of("-1", "1")), null, end), "tiers");
        refused(draft(List.of(Tier.of("100", "1"), Tier.of("100.0", "2")), null, end), "tiers");
        refused(draft(List.of(Tier.of("0", "1")), "0", end), "cap");
        refused(draft(List.of(Tier.of("0", "1")), "10.001", end), "cap");
        refused(draft(List.of(Tier.of("0", "1")), null, LocalDate.of(2025, 12, 31)), "validTo");
    }
}
