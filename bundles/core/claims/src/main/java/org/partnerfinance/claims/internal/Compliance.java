package org.partnerfinance.claims.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.partnerfinance.claims.api.ComplianceFinding;
import org.partnerfinance.claims.api.ComplianceOutcome;
import org.partnerfinance.claims.api.ComplianceRule;
import org.partnerfinance.claims.api.ComplianceSubject;
import org.partnerfinance.claims.api.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs compliance rules and turns their findings into what the service stores and reports. */
final class Compliance {

    /** Code of the warning recorded when a rule fails to give an answer. */
    static final String RULE_ERROR = "C-ERR";

    private static final Logger LOG = LoggerFactory.getLogger(Compliance.class);
    private static final int MAX_RULE_ID = 100;
    private static final int MAX_CODE = 32;
    private static final int MAX_MESSAGE = 1000;

    private Compliance() {
    }

    /**
     * Whether a rule registered with these service properties applies to a claim type: it does unless it lists
     * types in {@link ComplianceRule#CLAIM_TYPES} (a string, comma separated string, array or collection) without this
     * one.
     */
    static boolean appliesTo(Map<String, ?> properties, String typeId) {
        Object types = properties.get(ComplianceRule.CLAIM_TYPES);
        return types == null || listed(types, typeId);
    }

    /** Whether a rule registered with these service properties replaces a built-in rule ({@link ComplianceRule#REPLACES}). */
    static boolean replaces(Map<String, ?> properties, String builtInRuleId) {
        Object replaced = properties.get(ComplianceRule.REPLACES);
        return replaced != null && listed(replaced, builtInRuleId);
    }

    /** Whether a property value (a string, comma separated string, array or collection) lists the value. */
    private static boolean listed(Object property, String value) {
        if (property instanceof String text) {
            return Arrays.stream(text.split(",")).map(String::strip).anyMatch(value::equals);
        }
        if (property instanceof String[] array) {
            return Arrays.asList(array).contains(value);
        }
        if (property instanceof Collection<?> collection) {
            return collection.stream().map(String::valueOf).anyMatch(value::equals);
        }
        return false;
    }

    /**
     * Runs every rule. A rule that throws or answers nothing does not block the claim: it is logged and recorded as a
     * warning, so the reviewer checks by hand what the rule would have checked.
     */
    static List<ComplianceFinding> run(List<ComplianceRule> rules, ComplianceSubject subject) {
        List<ComplianceFinding> findings = new ArrayList<>();
        for (ComplianceRule rule : rules) {
            String ruleId = ruleId(rule);
            ComplianceFinding finding;
            try {
                finding = rule.check(subject);
            } catch (RuntimeException e) {
                LOG.error("Compliance rule {} failed on a {} claim of partner {}", ruleId, subject.draft().typeId(),
                        subject.draft().partnerId(), e);
                finding = null;
            }
            if (finding == null || finding.outcome() == null) {
                findings.add(new ComplianceFinding(clip(ruleId, MAX_RULE_ID), ComplianceOutcome.WARN, RULE_ERROR,
                        "The check " + ruleId + " could not be run; the reviewer will check this by hand."));
            } else {
                findings.add(new ComplianceFinding(clip(finding.ruleId() == null ? ruleId : finding.ruleId(),
                        MAX_RULE_ID), finding.outcome(), clip(finding.code() == null ? "" : finding.code(), MAX_CODE),
                        clip(finding.message() == null ? "" : finding.message(), MAX_MESSAGE)));
            }
        }
        return findings;
    }

    /** The failed findings as problems that block submission, e.g. {@code C-DUP: This claim repeats CLM-000041}. */
    static List<Problem> failures(List<ComplianceFinding> findings) {
        return findings.stream()
                .filter(f -> f.outcome() == ComplianceOutcome.FAIL)
                .map(f -> new Problem(null, f.code() + ": " + f.message()))
                .toList();
    }

    private static String ruleId(ComplianceRule rule) {
        try {
            String id = rule.id();
            return id == null ? rule.getClass().getName() : id;
        } catch (RuntimeException e) {
            LOG.error("Compliance rule {} does not tell its id", rule.getClass().getName(), e);
            return rule.getClass().getName();
        }
    }

    /** Findings come from extensions; they are cut to the stored column sizes rather than fail the submission. */
    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
