package org.partnerfinance.security.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Tells the user directory whether a partner organisation exists, so that no user is bound to a partner id nobody
 * knows. Implemented by the bundle that owns the partners (pf-partner) as a service; the user directory refuses to
 * create or edit partner users while no implementation is registered.
 */
@ConsumerType
public interface PartnerDirectory {

    /** Whether a partner with this id exists. {@code null} or blank ids never exist. */
    boolean exists(String partnerId);
}
