package org.partnerfinance.claims.rules.api;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A partner's request for more time to submit one claim, with finance's decision. It is for a saved claim (a draft or
 * a claim returned for information) or for a claim not written yet, named by its type and activity date.
 *
 * @param id             request id
 * @param claimId        the saved claim, or {@code null} for a claim not written yet
 * @param claimReference the saved claim's reference, e.g. {@code CLM-000041}, or {@code null}
 * @param partnerId      the claim's partner
 * @param typeId         the claim's type
 * @param activityDate   the claim's activity date (its date)
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
public record ExtensionRequest(long id, Long claimId, String claimReference, String partnerId, String typeId,
        LocalDate activityDate, LocalDate deadline, String reason, ExtensionStatus status, LocalDate grantedUntil, String decisionNote,
        String requestedBy, Instant requestedAt, String decidedBy, Instant decidedAt, long version) {

    /** What the request is for, e.g. {@code CLM-000041} or {@code a new expense claim dated 2026-03-01}. */
    public String subject() {
        return claimReference != null ? claimReference : "a new " + typeId + " claim dated " + activityDate;
    }
}
