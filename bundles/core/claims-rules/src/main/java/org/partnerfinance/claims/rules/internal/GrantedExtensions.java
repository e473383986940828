package org.partnerfinance.claims.rules.internal;

import java.time.LocalDate;
import java.util.Optional;

/**
 * What the deadline rule asks the extension workflow: until when a claim may be submitted late. Not authorized: the
 * rule runs inside the claims service, which has already checked its caller.
 */
public interface GrantedExtensions {

    /**
     * The last day of the latest extension granted for the saved claim ({@code claimId}, may be {@code null}) or for a
     * claim of the partner with this type and activity date asked for before it was written, if any was.
     */
    Optional<LocalDate> grantedUntil(Long claimId, String partnerId, String typeId, LocalDate activityDate);
}
