package org.partnerfinance.claims.api;

/**
 * Result of one compliance rule for one claim.
 *
 * @param ruleId  the rule
 * @param outcome pass, warn (reviewer decides) or fail (cannot be submitted / approved)
 * @param code    coded reason, e.g. {@code C-DUP}
 * @param message sentence the partner can read
 */
public record ComplianceFinding(String ruleId, ComplianceOutcome outcome, String code, String message) {
}
