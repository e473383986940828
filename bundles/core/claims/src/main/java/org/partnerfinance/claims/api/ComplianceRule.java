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

    String id();

    ComplianceFinding check(ComplianceSubject subject);
}
