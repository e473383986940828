/**
 * Claims partners submit (rebates, market development funds, expense reimbursements) and the finance team reviews:
 * the lifecycle ({@link ClaimStatus}), the claim-type and compliance-rule extension points ({@link ClaimType},
 * {@link ComplianceRule}) and the service ({@link ClaimService}).
 */
@org.osgi.annotation.versioning.Version("2.0.0")
package org.partnerfinance.claims.api;
