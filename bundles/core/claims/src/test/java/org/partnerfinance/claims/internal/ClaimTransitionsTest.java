package org.partnerfinance.claims.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.EnumSet;
import java.util.Set;

import org.junit.Test;
import org.partnerfinance.claims.api.AccountingRule;
import org.partnerfinance.claims.api.ClaimStatus;
import org.partnerfinance.claims.api.IllegalTransitionException;
import org.partnerfinance.claims.api.RejectionReason;
import org.partnerfinance.ledger.api.Accounts;
import org.partnerfinance.ledger.api.Money;

public class ClaimTransitionsTest {

    private static final AccountingRule RULE =
            new AccountingRule(Accounts.PARTNER_EXPENSES, Accounts.ACCRUED_PARTNER_CLAIMS, Accounts.BANK);

    @Test
    public void lifecycleAllowsExactlyTheDocumentedMoves() {
        Set<String> allowed = Set.of("DRAFT>SUBMITTED", "DRAFT>WITHDRAWN", "SUBMITTED>APPROVED", "SUBMITTED>REJECTED",
                "SUBMITTED>RETURNED", "SUBMITTED>WITHDRAWN", "RETURNED>SUBMITTED", "RETURNED>WITHDRAWN",
                "APPROVED>SCHEDULED", "APPROVED>PAID", "APPROVED>CLOSED", "SCHEDULED>PAID");
        for (ClaimStatus from : ClaimStatus.values()) {
            for (ClaimStatus to : ClaimStatus.values()) {
                assertEquals(from + ">" + to, allowed.contains(from + ">" + to), from.canMoveTo(to));
            }
        }
    }

    @Test
    public void newClaimIsADraft() {
        ClaimEntity claim = TestClaims.entity(42, "P-1001", "100", "100");
        assertEquals(ClaimStatus.DRAFT, claim.getStatus());
        assertEquals("CLM-000042", claim.getReference());
        assertNull(claim.accountingRule());
    }

    @Test
    public void approvalPathRecordsWhoWhenAndTheAccountingRule() {
        ClaimEntity claim = TestClaims.entity(1, "P-1001", "100", "100");
        claim.submit(TestClaims.NOW, Money.of("80", "EUR"));
        assertEquals(ClaimStatus.SUBMITTED, claim.getStatus());
        assertEquals(TestClaims.NOW, claim.getSubmittedAt());
        assertEquals(Money.of("80.00", "EUR"), claim.eligibleAmount());

        claim.approve("reviewer", TestClaims.NOW.plusSeconds(60), "ok", RULE);
        assertEquals(ClaimStatus.APPROVED, claim.getStatus());
        assertEquals("reviewer", claim.getDecidedBy());
        assertEquals(TestClaims.NOW.plusSeconds(60), claim.getDecidedAt());
        assertEquals(RULE, claim.accountingRule());

        claim.markPaid(TestClaims.NOW.plusSeconds(120), "PAY-7");
        assertEquals(ClaimStatus.PAID, claim.getStatus());
        assertEquals("PAY-7", claim.getPaymentReference());
    }

    @Test
    public void rejectionStoresTheCodedReason() {
        ClaimEntity claim = TestClaims.entity(1, "P-1001", "100", "100");
        claim.submit(TestClaims.NOW, Money.of("100", "EUR"));
        claim.reject("reviewer", TestClaims.NOW, RejectionReason.DUPLICATE.code(), "see CLM-000001");
        assertEquals(ClaimStatus.REJECTED, claim.getStatus());
        assertEquals(RejectionReason.DUPLICATE, claim.rejectionReason());
        assertEquals("see CLM-000001", claim.getDecisionComment());
    }

    @Test
    public void forbiddenMovesThrowAndChangeNothing() {
        ClaimEntity draft = TestClaims.entity(3, "P-1001", "100", "100");
        assertThrows(IllegalTransitionException.class, () -> draft.approve("reviewer", TestClaims.NOW, null, RULE));
        assertThrows(IllegalTransitionException.class,
                () -> draft.reject("reviewer", TestClaims.NOW, RejectionReason.OTHER.code(), "x"));
        assertThrows(IllegalTransitionException.class, () -> draft.markPaid(TestClaims.NOW, "PAY"));
        assertEquals(ClaimStatus.DRAFT, draft.getStatus());
        assertNull(draft.getDecidedBy());

        ClaimEntity approved = TestClaims.entity(4, "P-1001", "100", "100");
        approved.submit(TestClaims.NOW, Money.of("100", "EUR"));
        approved.approve("reviewer", TestClaims.NOW, null, RULE);
        IllegalTransitionException twice = assertThrows(IllegalTransitionException.class,
                () -> approved.approve("manager", TestClaims.NOW, null, RULE));
        assertEquals("Claim CLM-000004 is approved and cannot be approved.", twice.getMessage());
        assertThrows(IllegalTransitionException.class,
                () -> approved.reject("manager", TestClaims.NOW, RejectionReason.OTHER.code(), "x"));
        assertEquals("reviewer", approved.getDecidedBy());

        ClaimEntity rejected = TestClaims.entity(5, "P-1001", "100", "100");
        rejected.submit(TestClaims.NOW, Money.of("100", "EUR"));
        rejected.reject("reviewer", TestClaims.NOW, RejectionReason.NOT_ELIGIBLE.code(), null);
        for (ClaimStatus next : EnumSet.allOf(ClaimStatus.class)) {
            assertThrows(IllegalTransitionException.class, () -> rejected.requireCanMoveTo(next));
        }
        assertThrows(IllegalTransitionException.class, () -> rejected.markPaid(TestClaims.NOW, "PAY"));
        assertFalse(rejected.getStatus().canMoveTo(ClaimStatus.PAID));
        assertTrue(ClaimStatus.APPROVED.canMoveTo(ClaimStatus.PAID));
    }

    @Test
    public void onlyAnApprovedPreApprovalIsClosedAndKeepsWhoApprovedIt() {
        ClaimEntity request = TestClaims.entity(6, "P-1001", "100", "100");
        assertThrows(IllegalTransitionException.class, () -> request.close("too early"));
        request.submit(TestClaims.NOW, Money.of("100", "EUR"));
        assertThrows(IllegalTransitionException.class, () -> request.close("still under review"));
        request.approve("reviewer", TestClaims.NOW, null, null);
        request.close("Campaign cancelled");
        assertEquals(ClaimStatus.CLOSED, request.getStatus());
        assertEquals("Campaign cancelled", request.getStatusNote());
        assertEquals("reviewer", request.getDecidedBy());
        assertTrue(ClaimStatus.CLOSED.isFinal());
        IllegalTransitionException twice = assertThrows(IllegalTransitionException.class,
                () -> request.close("again"));
        assertEquals("Claim CLM-000006 is closed and cannot be closed.", twice.getMessage());

        ClaimEntity accrued = TestClaims.entity(7, "P-1001", "100", "100");
        accrued.submit(TestClaims.NOW, Money.of("100", "EUR"));
        accrued.approve("reviewer", TestClaims.NOW, null, RULE);
        IllegalTransitionException settled = assertThrows(IllegalTransitionException.class,
                () -> accrued.close("not needed"));
        assertTrue(settled.getMessage(), settled.getMessage().contains("accrued its approved amount"));
        assertEquals(ClaimStatus.APPROVED, accrued.getStatus());
        assertNull(accrued.getStatusNote());
    }
}
