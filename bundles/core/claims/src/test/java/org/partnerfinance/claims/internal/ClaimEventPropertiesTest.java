package org.partnerfinance.claims.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.Test;
import org.partnerfinance.claims.api.AccountingRule;
import org.partnerfinance.claims.api.Claim;
import org.partnerfinance.claims.api.ClaimEvents;
import org.partnerfinance.claims.api.ClaimStatus;
import org.partnerfinance.ledger.api.Accounts;
import org.partnerfinance.ledger.api.Money;

/** Who is told to act next on a change: an approved claim waits for settlement, an approved pre-approval does not. */
public class ClaimEventPropertiesTest {

    private static Claim claim(ClaimStatus status, AccountingRule rule) {
        Money amount = Money.of("400", "EUR");
        return new Claim(7, "CLM-000007", "P-1001", "mdf-request", "MDF request", true, status, LocalDate.EPOCH, "x",
                amount, amount, List.of(), List.of(), List.of(), null, null, "reviewer", null, "partner",
                Instant.EPOCH, Instant.EPOCH, Instant.EPOCH, null, 3, List.of(), amount, null, null, null, rule);
    }

    @Test
    public void anApprovedClaimWaitsForAFinanceManagerButAnApprovedPreApprovalAndAClosedOneForNobody() {
        AccountingRule rule = new AccountingRule(Accounts.PARTNER_EXPENSES, Accounts.ACCRUED_PARTNER_CLAIMS,
                Accounts.BANK);
        Map<String, Object> accrued = ClaimServiceImpl.eventProperties(claim(ClaimStatus.APPROVED, rule),
                "claim.approved", "reviewer");
        assertArrayEquals(new String[] { "finance-manager" }, (String[]) accrued.get(ClaimEvents.NEXT_ROLES));

        Map<String, Object> preApproval = ClaimServiceImpl.eventProperties(claim(ClaimStatus.APPROVED, null),
                "claim.approved", "reviewer");
        assertFalse(preApproval.containsKey(ClaimEvents.NEXT_ROLES));
        Map<String, Object> closed = ClaimServiceImpl.eventProperties(claim(ClaimStatus.CLOSED, null),
                "claim.closed", "partner");
        assertFalse(closed.containsKey(ClaimEvents.NEXT_ROLES));
        assertEquals("CLOSED", closed.get(ClaimEvents.STATUS));
        assertEquals("claim.closed", closed.get(ClaimEvents.ACTION));
    }
}
