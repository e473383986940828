package org.partnerfinance.claims.rules.internal;

import java.time.LocalDate;
import java.util.Optional;

/**
 * What the deadline rule asks the extension workflow: until when a claim may be submitted late. Not authorized: the
 * rule runs inside the claims service, which has already checked its caller.
 */
public interface GrantedExtensions {

    /** The last day of the latest extension granted for the claim, if any was. */
    Optional<LocalDate> grantedUntil(long claimId);
}
