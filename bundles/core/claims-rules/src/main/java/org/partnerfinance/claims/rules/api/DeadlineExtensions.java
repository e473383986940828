package org.partnerfinance.claims.rules.api;

import java.time.LocalDate;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;
import org.partnerfinance.security.api.Caller;

/**
 * The deadline-extension workflow. Partner users request an extension for one of their own claims that has not been
 * submitted yet (a draft, or a claim returned for information); finance reviewers and managers grant it until a date or
 * refuse it with a reason. Every change is audited in the unit of work that makes it; another partner's claim or
 * request answers like a missing one.
 */
@ProviderType
public interface DeadlineExtensions {

    /** Event Admin topic posted after a request or decision committed (properties {@code id}, {@code partner}, {@code status}). */
    String TOPIC = "org/partnerfinance/claims/rules/EXTENSION";

    /**
     * Asks for more time for a claim.
     *
     * @throws IllegalArgumentException when the claim does not exist for the caller, is already submitted, has a request
     *                                  waiting, or the reason is blank or too long
     */
    ExtensionRequest request(Caller caller, long claimId, String reason);

    /**
     * Asks for more time for a claim of the caller's partner not written yet: once granted, a claim of this type with
     * this activity date passes the deadline rule until the granted date.
     *
     * @throws IllegalArgumentException when the type has no deadline, the date is missing or in the future, a request
     *                                  for the same type and date is waiting, or the reason is blank or too long
     */
    ExtensionRequest request(Caller caller, String typeId, LocalDate activityDate, String reason);

    /**
     * Grants a request: the claim may be submitted up to and including {@code until}.
     *
     * @throws IllegalArgumentException when the request is not waiting or {@code until} lies in the past
     */
    ExtensionRequest grant(Caller caller, long requestId, long expectedVersion, LocalDate until, String note);

    /** Refuses a request with a reason the partner reads. */
    ExtensionRequest refuse(Caller caller, long requestId, long expectedVersion, String reason);

    /** A partner's requests, newest first (the partner's own users, finance staff). */
    List<ExtensionRequest> forPartner(Caller caller, String partnerId);

    /** Requests waiting for a decision, oldest first (finance staff). */
    List<ExtensionRequest> waiting(Caller caller);

    /** A claim's requests, newest first, with the claim's read authorization. */
    List<ExtensionRequest> forClaim(Caller caller, long claimId);
}
