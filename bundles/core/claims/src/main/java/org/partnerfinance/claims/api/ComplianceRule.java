package org.partnerfinance.claims.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Checks a claim before submission and at review. Contributed as a service with {@code pf.extension.id},
 * {@code pf.extension.kind=compliance-rule}, and optionally {@link #CLAIM_TYPES} to limit it to some types.
 */
@ConsumerType
public interface ComplianceRule {

    /** Service property: claim type ids the rule applies to; absent means all types. */
    String CLAIM_TYPES = "pf.compliance.claim-types";

    /**
     * Service property: ids of built-in rules this rule takes the place of for the types it applies to (a string,
     * comma separated string, array or collection), e.g. {@link #BUILT_IN_DUPLICATE_RULE}.
     */
    String REPLACES = "pf.compliance.replaces";

    /** Id of the claims core's built-in duplicate check, which runs for every type unless a rule replaces it. */
    String BUILT_IN_DUPLICATE_RULE = "core.duplicate";

    String id();

    ComplianceFinding check(ComplianceSubject subject);
}
