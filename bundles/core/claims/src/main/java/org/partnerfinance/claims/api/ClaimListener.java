package org.partnerfinance.claims.api;

import org.osgi.annotation.versioning.ConsumerType;

/** Whiteboard listener, called after a claim change has committed. Must return quickly. */
@ConsumerType
public interface ClaimListener {
    void claimChanged(ClaimChange change);
}
