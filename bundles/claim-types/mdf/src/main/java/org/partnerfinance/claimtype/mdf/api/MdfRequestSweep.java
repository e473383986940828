package org.partnerfinance.claimtype.mdf.api;

import java.time.LocalDate;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;
import org.partnerfinance.claims.api.Claim;
import org.partnerfinance.security.api.Caller;

/**
 * Closes approved MDF pre-approval requests that will not be claimed any more, so their reservations do not stay
 * held for ever. The MDF bundle runs it on a schedule (configuration {@code org.partnerfinance.claimtype.mdf},
 * {@code release.interval.minutes}); it decides from the day it is given, so tests and operators run it for the day
 * they want.
 */
@ProviderType
public interface MdfRequestSweep {

    /**
     * Closes, as the platform and each in its own unit of work, every approved request that
     * <ul>
     * <li>has an approved, scheduled or paid proof-of-performance claim (reason "proof of performance claim CLM-…
     * approved"; normally closed at that approval already), or</li>
     * <li>whose planned end plus the grace period ({@code grace.days}) lies before {@code today} and that no proof
     * claim under review (submitted or returned) still waits for (the reason says so); what is still reserved is
     * released.</li>
     * </ul>
     * A request that cannot be closed is logged and left for the next run; the others go on.
     *
     * @param caller an administrator or the platform ({@link Caller#system()})
     * @return the requests closed, in the order closed
     * @throws IllegalArgumentException when {@code today} is missing
     */
    List<Claim> closeOverdue(Caller caller, LocalDate today);
}
