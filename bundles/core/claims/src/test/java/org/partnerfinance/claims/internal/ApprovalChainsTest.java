package org.partnerfinance.claims.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import org.junit.Test;

/** Which chain a claim gets by type and amount band, and how the bands are configured. */
public class ApprovalChainsTest {

    private static final String REVIEWER = "finance-reviewer";
    private static final String MANAGER = "finance-manager";

    @Test
    public void theDefaultBandsGiveOneReviewerThenReviewerAndManagerThenTwoManagers() {
        ApprovalChains chains = TestClaims.chains();
        assertEquals(List.of(REVIEWER), chains.select("expense", new BigDecimal("0.01")));
        assertEquals(List.of(REVIEWER), chains.select("expense", new BigDecimal("1000.00")));
        assertEquals(List.of(REVIEWER, MANAGER), chains.select("expense", new BigDecimal("1000.01")));
        assertEquals(List.of(REVIEWER, MANAGER), chains.select("mdf", new BigDecimal("25000")));
        assertEquals(List.of(MANAGER, MANAGER), chains.select("mdf", new BigDecimal("25000.01")));
        assertEquals(List.of(MANAGER, MANAGER), chains.strictest("rebate"));
        assertEquals(Duration.ofDays(2), chains.stepTime(REVIEWER));
        assertEquals(Duration.ofDays(3), chains.stepTime(MANAGER));
        assertEquals(Duration.ofHours(24), chains.reminderLead());
    }

    @Test
    public void aTypeWithBandsOfItsOwnUsesOnlyThose() {
        ApprovalChains chains = new ApprovalChains(ApprovalChains.parse(
                "*|*|finance-manager; rebate|500|finance-reviewer; rebate|*|finance-reviewer, Finance-Manager"),
                TestClaims.chains().stepTime(), Duration.ZERO);
        assertEquals(List.of(REVIEWER), chains.select("rebate", new BigDecimal("500")));
        assertEquals(List.of(REVIEWER, MANAGER), chains.select("rebate", new BigDecimal("501")));
        assertEquals(List.of(MANAGER), chains.select("expense", new BigDecimal("1")));
    }

    @Test
    public void mistakesNameTheEntry() {
        assertMistake("*|1000|finance-reviewer", "'*|*|...'");
        assertMistake("*|*|administrator", "'administrator' is not an approving role");
        assertMistake("*|ten|finance-reviewer; *|*|finance-manager", "'ten' is not an amount");
        assertMistake("*|0|finance-reviewer; *|*|finance-manager", "above zero");
        assertMistake("mdf|*|finance-manager", "bands for every claim type (*) are missing");
        assertMistake("*|*", "write '<type>|<up to>|<role>,<role>'");
        assertMistake("*|500|finance-reviewer; *|500|finance-manager; *|*|finance-manager", "two bands of * end");
    }

    private static void assertMistake(String value, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ApprovalChains.parse(value));
        assertTrue(e.getMessage(), e.getMessage().contains(expected));
        assertTrue(e.getMessage(), e.getMessage().startsWith("Configuration org.partnerfinance.claims: approvalChains"));
    }
}
