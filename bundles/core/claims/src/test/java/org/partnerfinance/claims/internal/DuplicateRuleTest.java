package org.partnerfinance.claims.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.Test;
import org.partnerfinance.claims.api.Attachment;
import org.partnerfinance.claims.api.AttachmentUpload;
import org.partnerfinance.claims.api.Claim;
import org.partnerfinance.claims.api.ClaimDraft;
import org.partnerfinance.claims.api.ClaimStatus;
import org.partnerfinance.claims.api.ComplianceFinding;
import org.partnerfinance.claims.api.ComplianceOutcome;
import org.partnerfinance.claims.api.ComplianceSubject;
import org.partnerfinance.ledger.api.Money;

public class DuplicateRuleTest {

    private final DuplicateRule rule = new DuplicateRule();

    private static Claim earlier(long id, String partnerId, ClaimStatus status, String typeId, LocalDate date,
            String amount, String description, List<Attachment> files) {
        return new Claim(id, ClaimEntity.referenceOf(id), partnerId, typeId, "Expense reimbursement", true, status,
                date, description, Money.of(amount, "EUR"), Money.of(amount, "EUR"), List.of(), files, List.of(),
                null, null, null, null, "partner", TestClaims.NOW, TestClaims.NOW, null, null, 1);
    }

    private static Claim sameFacts(long id, ClaimStatus status) {
        return earlier(id, "P-1001", status, "expense", TestClaims.DAY, "120.50", "Taxi to the partner summit",
                List.of());
    }

    private ComplianceFinding check(ClaimDraft draft, Long claimId, Claim... earlier) {
        return rule.check(new ComplianceSubject(draft, claimId, List.of(earlier)));
    }

    private static ClaimDraft draftWithoutFiles() {
        return TestClaims.draft("P-1001", "120.50", "Taxi to the partner summit", Map.of("category", "travel"),
                List.of());
    }

    @Test
    public void sameTypeDateAmountAndDescriptionFailsNamingTheEarlierClaim() {
        ComplianceFinding finding = check(draftWithoutFiles(), null, sameFacts(41, ClaimStatus.SUBMITTED));
        assertEquals(ComplianceOutcome.FAIL, finding.outcome());
        assertEquals("C-DUP", finding.code());
        assertEquals(DuplicateRule.ID, finding.ruleId());
        assertTrue(finding.message(), finding.message().contains("CLM-000041"));
    }

    @Test
    public void descriptionsDifferingOnlyInCaseAndSpacingAreTheSame() {
        ClaimDraft draft = TestClaims.draft("P-1001", "120.50", "  taxi to the   PARTNER summit", Map.of(), List.of());
        assertEquals(ComplianceOutcome.FAIL, check(draft, null, sameFacts(41, ClaimStatus.APPROVED)).outcome());
    }

    @Test
    public void anyDifferentFactPasses() {
        ClaimDraft draft = draftWithoutFiles();
        assertEquals(ComplianceOutcome.PASS, check(draft, null,
                earlier(1, "P-1001", ClaimStatus.SUBMITTED, "mdf", TestClaims.DAY, "120.50",
                        "Taxi to the partner summit", List.of()),
                earlier(2, "P-1001", ClaimStatus.SUBMITTED, "expense", TestClaims.DAY.plusDays(1), "120.50",
                        "Taxi to the partner summit", List.of()),
                earlier(3, "P-1001", ClaimStatus.SUBMITTED, "expense", TestClaims.DAY, "120.51",
                        "Taxi to the partner summit", List.of()),
                earlier(4, "P-1001", ClaimStatus.SUBMITTED, "expense", TestClaims.DAY, "120.50",
                        "Taxi back from the partner summit", List.of())).outcome());
    }

    @Test
    public void rejectedEarlierClaimsDoNotCount() {
        assertEquals(ComplianceOutcome.PASS,
                check(draftWithoutFiles(), null, sameFacts(41, ClaimStatus.REJECTED)).outcome());
    }

    @Test
    public void theClaimItselfDoesNotCount() {
        assertEquals(ComplianceOutcome.PASS,
                check(draftWithoutFiles(), 41L, sameFacts(41, ClaimStatus.DRAFT)).outcome());
    }

    @Test
    public void otherPartnersClaimsDoNotCount() {
        Claim other = earlier(9, "P-2002", ClaimStatus.SUBMITTED, "expense", TestClaims.DAY, "120.50",
                "Taxi to the partner summit", List.of());
        assertEquals(ComplianceOutcome.PASS, check(draftWithoutFiles(), null, other).outcome());
    }

    @Test
    public void sameFileAsAnEarlierClaimFails() {
        Claim withReceipt = earlier(7, "P-1001", ClaimStatus.PAID, "mdf", TestClaims.DAY.minusMonths(2), "999.00",
                "Trade fair booth", List.of(new Attachment(3, "booth.pdf", Attachments.PDF, TestClaims.PDF.length,
                        Attachments.sha256Hex(TestClaims.PDF))));
        ClaimDraft draft = TestClaims.draft("P-1001", "10.00", "Lunch", Map.of(),
                List.of(new AttachmentUpload("lunch.pdf", TestClaims.PDF)));
        ComplianceFinding finding = check(draft, null, withReceipt);
        assertEquals(ComplianceOutcome.FAIL, finding.outcome());
        assertTrue(finding.message(), finding.message().contains("booth.pdf"));
        assertTrue(finding.message(), finding.message().contains("CLM-000007"));

        ClaimDraft otherFile = TestClaims.draft("P-1001", "10.00", "Lunch", Map.of(),
                List.of(new AttachmentUpload("lunch.png", TestClaims.PNG)));
        assertEquals(ComplianceOutcome.PASS, check(otherFile, null, withReceipt).outcome());
    }
}
