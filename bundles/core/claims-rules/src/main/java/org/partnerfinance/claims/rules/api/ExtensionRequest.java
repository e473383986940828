package org.partnerfinance.claims.rules.api;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A partner's request for more time to submit one claim, with finance's decision.
 *
 * @param id             request id
 * @param claimId        the claim (a draft or a claim returned for information)
 * @param claimReference the claim's reference, e.g. {@code CLM-000041}
 * @param partnerId      the claim's partner
 * @param typeId         the claim's type
 * @param deadline       the deadline the claim missed (or is about to miss) when the request was made
 * @param reason         why the partner needs more time
 * @param status         requested, granted or refused
 * @param grantedUntil   last day on which the claim may be submitted, when granted
 * @param decisionNote   finance's reason (required for a refusal, optional for a grant)
 * @param requestedBy    user name of the partner user
 * @param requestedAt    when it was requested
 * @param decidedBy      user name of the finance user who decided, or {@code null}
 * @param decidedAt      when it was decided, or {@code null}
 * @param version        optimistic-lock version, passed back when deciding
 */
public record ExtensionRequest(long id, long claimId, String claimReference, String partnerId, String typeId,
        LocalDate deadline, String reason, ExtensionStatus status, LocalDate grantedUntil, String decisionNote,
        String requestedBy, Instant requestedAt, String decidedBy, Instant decidedAt, long version) {
}
