package org.partnerfinance.audit.api;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.partnerfinance.security.api.Caller;

/** Appends and verifies audit records. Appending joins the caller's unit of work. */
@ProviderType
public interface AuditTrail {

    /** Appends a record at the end of the chain, inside the current unit of work. */
    AuditRecord append(AuditEvent event);

    /**
     * Recomputes the whole chain and checks the head's signature. Administrators, finance managers and the system may
     * verify. The result also becomes the {@link #lastVerification last verification}.
     */
    Verification verify(Caller caller);

    /**
     * The most recent verification on this node (by the schedule, the {@code pf:audit-verify} command or
     * {@link #verify}), if one ran since the audit service started. Administrators, finance managers and the system.
     */
    Optional<Verification> lastVerification(Caller caller);

    /**
     * Records of one entity, oldest first. <strong>Not authorized here</strong>: the audit trail cannot know who may
     * read which entity, so only the bundle owning the entity may call this, after it has checked that its caller may
     * read that entity (e.g. {@code ClaimService.history}). Never hand the result of this method to a caller that has
     * not been authorized for the entity.
     */
    List<AuditRecord> forEntity(String entityType, String entityId);

    /** Newest records first, for administrators and finance managers. */
    List<AuditRecord> recent(Caller caller, int max);

    /**
     * Newest records with this action first (e.g. {@code user.signin-failed}), for administrators and finance
     * managers.
     */
    List<AuditRecord> recentByAction(Caller caller, String action, int max);
}
