package org.partnerfinance.claims.rules.internal;

import static org.junit.Assert.assertEquals;
import static org.partnerfinance.claims.rules.internal.Fixtures.TODAY;
import static org.partnerfinance.claims.rules.internal.Fixtures.claim;
import static org.partnerfinance.claims.rules.internal.Fixtures.file;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.Test;
import org.partnerfinance.claims.api.Attachment;
import org.partnerfinance.claims.api.Claim;
import org.partnerfinance.claims.api.ClaimDraft;
import org.partnerfinance.claims.api.ClaimField;
import org.partnerfinance.claims.api.ClaimStatus;
import org.partnerfinance.claims.api.ComplianceFinding;
import org.partnerfinance.claims.api.ComplianceOutcome;
import org.partnerfinance.claims.api.ComplianceSubject;
import org.partnerfinance.claims.rules.api.ComplianceCodes;

public class DuplicateRuleTest {

    private static final Claim SAME_FACTS = claim(41, Fixtures.TYPE, ClaimStatus.SUBMITTED, TODAY, "80.00", "EUR",
            "Taxi  to the CUSTOMER", List.of(), List.of());
    private static final Claim SAME_REFERENCE = claim(42, Fixtures.TYPE, ClaimStatus.APPROVED, TODAY.minusDays(3),
            "12.00", "EUR", "Hotel", List.of(new ClaimField("invoiceNumber", "Invoice number", "inv-7")), List.of());
    private static final Claim SAME_FILE = claim(43, "mdf", ClaimStatus.PAID, TODAY.minusDays(9), "55.00", "EUR",
            "Fair", List.of(), List.of(new Attachment(1, "old.png", "image/png", 7,
                    DuplicateRule.sha256Hex("receipt".getBytes(java.nio.charset.StandardCharsets.UTF_8)))));

    private static ComplianceFinding check(Optional<RuleSettings> settings, ClaimDraft draft, Long claimId,
            List<Claim> earlier) {
        return new DuplicateRule(type -> settings).check(new ComplianceSubject(draft, claimId, earlier));
    }

    private static ClaimDraft draft() {
        return Fixtures.draft(TODAY, "80.00", "EUR", "Taxi to the customer", Map.of("invoiceNumber", " INV-7 "),
                List.of(file("receipt.png", "receipt")));
    }

    private static Optional<RuleSettings> settings(boolean enabled, String referenceField) {
        return Optional.of(Fixtures.settings(0, 0, null, "", "", CapPeriod.QUARTER, 0, enabled, referenceField));
    }

    @Test
    public void everyDuplicateIsNamedWithWhatItShares() {
        ComplianceFinding finding = check(settings(true, "invoiceNumber"), draft(), null,
                List.of(SAME_FACTS, SAME_REFERENCE, SAME_FILE));
        assertEquals(ComplianceOutcome.FAIL, finding.outcome());
        assertEquals(ComplianceCodes.DUPLICATE, finding.code());
        assertEquals("This claim repeats CLM-000041 (same date, amount and description); CLM-000042 (same invoice "
                + "number INV-7); CLM-000043 (same file receipt.png). If it is a different claim, change what makes it "
                + "look the same; otherwise keep the earlier one.", finding.message());
    }

    @Test
    public void withoutConfigurationFactsAndFilesAreCheckedButNotTheReference() {
        ComplianceFinding finding = check(Optional.empty(), draft(), null, List.of(SAME_REFERENCE));
        assertEquals(ComplianceOutcome.PASS, finding.outcome());
        assertEquals(ComplianceOutcome.FAIL, check(Optional.empty(), draft(), null, List.of(SAME_FACTS)).outcome());
    }

    @Test
    public void switchedOffForTheTypeItPassesAndSaysSo() {
        ComplianceFinding finding = check(settings(false, "invoiceNumber"), draft(), null,
                List.of(SAME_FACTS, SAME_REFERENCE, SAME_FILE));
        assertEquals(ComplianceOutcome.PASS, finding.outcome());
        assertEquals("Duplicate detection is switched off for claims of this type.", finding.message());
    }

    @Test
    public void rejectedWithdrawnOtherPartnersAndTheClaimItselfAreNoDuplicates() {
        List<Claim> earlier = List.of(
                claim(1, Fixtures.TYPE, ClaimStatus.REJECTED, TODAY, "80.00", "EUR", "Taxi to the customer",
                        List.of(), List.of()),
                claim(2, Fixtures.TYPE, ClaimStatus.WITHDRAWN, TODAY, "80.00", "EUR", "Taxi to the customer",
                        List.of(), List.of()),
                Fixtures.forPartner(SAME_FACTS, "P-1002"),
                claim(4, Fixtures.TYPE, ClaimStatus.DRAFT, TODAY, "80.00", "EUR", "Taxi to the customer", List.of(),
                        List.of()));
        assertEquals(ComplianceOutcome.PASS, check(settings(true, null), draft(), 4L, earlier).outcome());
        assertEquals(ComplianceOutcome.FAIL, check(settings(true, null), draft(), null, earlier).outcome());
    }

    @Test
    public void sameFactsOfAnotherTypeAreNoDuplicate() {
        Claim otherType = claim(5, "mdf", ClaimStatus.SUBMITTED, TODAY, "80.00", "EUR", "Taxi to the customer",
                List.of(), List.of());
        assertEquals(ComplianceOutcome.PASS, check(settings(true, null), draft(), null, List.of(otherType)).outcome());
    }
}
