package org.partnerfinance.claims.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.Test;
import org.partnerfinance.claims.api.ComplianceFinding;
import org.partnerfinance.claims.api.ComplianceOutcome;
import org.partnerfinance.claims.api.ComplianceRule;
import org.partnerfinance.claims.api.ComplianceSubject;
import org.partnerfinance.claims.api.Problem;

public class ComplianceTest {

    private static final ComplianceSubject SUBJECT = new ComplianceSubject(TestClaims.validDraft(), null, List.of());

    private static ComplianceRule rule(String id, ComplianceFinding answer) {
        return new ComplianceRule() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public ComplianceFinding check(ComplianceSubject subject) {
                return answer;
            }
        };
    }

    @Test
    public void aRuleReplacesABuiltInRuleOnlyWhenItSaysSo() {
        assertFalse(Compliance.replaces(Map.of(), DuplicateRule.ID));
        assertTrue(Compliance.replaces(Map.of(ComplianceRule.REPLACES, DuplicateRule.ID), DuplicateRule.ID));
        assertTrue(Compliance.replaces(Map.of(ComplianceRule.REPLACES, new String[] {"x", DuplicateRule.ID}),
                DuplicateRule.ID));
        assertFalse(Compliance.replaces(Map.of(ComplianceRule.REPLACES, "core.other"), DuplicateRule.ID));
    }

    @Test
    public void rulesApplyToAllTypesUnlessTheyListSome() {
        assertTrue(Compliance.appliesTo(Map.of(), "expense"));
        assertTrue(Compliance.appliesTo(Map.of(ComplianceRule.CLAIM_TYPES, "expense"), "expense"));
        assertTrue(Compliance.appliesTo(Map.of(ComplianceRule.CLAIM_TYPES, "mdf, expense"), "expense"));
        assertTrue(Compliance.appliesTo(Map.of(ComplianceRule.CLAIM_TYPES, new String[] {"mdf", "expense"}), "expense"));
        assertTrue(Compliance.appliesTo(Map.of(ComplianceRule.CLAIM_TYPES, List.of("expense")), "expense"));
        assertFalse(Compliance.appliesTo(Map.of(ComplianceRule.CLAIM_TYPES, "mdf"), "expense"));
        assertFalse(Compliance.appliesTo(Map.of(ComplianceRule.CLAIM_TYPES, new String[] {"mdf"}), "expense"));
        assertFalse(Compliance.appliesTo(Map.of(ComplianceRule.CLAIM_TYPES, "expensee"), "expense"));
    }

    @Test
    public void findingsAreCollectedInOrder() {
        ComplianceFinding pass = new ComplianceFinding("a", ComplianceOutcome.PASS, "A-1", "fine");
        ComplianceFinding warn = new ComplianceFinding("b", ComplianceOutcome.WARN, "B-1", "look closer");
        assertEquals(List.of(pass, warn), Compliance.run(List.of(rule("a", pass), rule("b", warn)), SUBJECT));
    }

    @Test
    public void aFailingRuleBecomesAWarningForTheReviewer() {
        ComplianceRule broken = new ComplianceRule() {
            @Override
            public String id() {
                return "broken";
            }

            @Override
            public ComplianceFinding check(ComplianceSubject subject) {
                throw new IllegalStateException("boom");
            }
        };
        List<ComplianceFinding> findings = Compliance.run(List.of(broken, rule("silent", null)), SUBJECT);
        assertEquals(2, findings.size());
        for (ComplianceFinding f : findings) {
            assertEquals(ComplianceOutcome.WARN, f.outcome());
            assertEquals(Compliance.RULE_ERROR, f.code());
        }
        assertEquals(List.of("broken", "silent"), findings.stream().map(ComplianceFinding::ruleId).toList());
    }

    @Test
    public void overlongFindingsAreCutToTheStoredSize() {
        ComplianceFinding chatty = new ComplianceFinding("x".repeat(300), ComplianceOutcome.WARN, "C".repeat(50),
                "m".repeat(5000));
        ComplianceFinding stored = Compliance.run(List.of(rule("x", chatty)), SUBJECT).get(0);
        assertEquals(100, stored.ruleId().length());
        assertEquals(32, stored.code().length());
        assertEquals(1000, stored.message().length());
    }

    @Test
    public void onlyFailuresBlockAndTheyCarryTheirCode() {
        List<ComplianceFinding> findings = List.of(
                new ComplianceFinding("a", ComplianceOutcome.PASS, "A", "ok"),
                new ComplianceFinding("b", ComplianceOutcome.WARN, "B", "hmm"),
                new ComplianceFinding("core.duplicate", ComplianceOutcome.FAIL, "C-DUP", "This claim repeats CLM-000041."));
        assertEquals(List.of(new Problem(null, "C-DUP: This claim repeats CLM-000041.")),
                Compliance.failures(findings));
    }
}
