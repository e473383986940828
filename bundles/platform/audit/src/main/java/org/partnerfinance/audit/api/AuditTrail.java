package org.partnerfinance.audit.api;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;
import org.partnerfinance.security.api.Caller;

/** Appends and verifies audit records. Appending joins the caller's unit of work. */
@ProviderType
public interface AuditTrail {

    /** Appends a record at the end of the chain, inside the current unit of work. */
    AuditRecord append(AuditEvent event);

    /** Recomputes the whole chain. Administrators, finance managers and the system may verify. */
    Verification verify(Caller caller);

    /** Records of one entity, oldest first; the caller must be allowed to read that entity (checked by its owner). */
    List<AuditRecord> forEntity(String entityType, String entityId);

    /** Newest records first, for administrators and finance managers. */
    List<AuditRecord> recent(Caller caller, int max);
}
