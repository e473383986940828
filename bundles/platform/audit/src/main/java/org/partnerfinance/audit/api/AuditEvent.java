package org.partnerfinance.audit.api;

import java.util.Objects;

/**
 * A state change to record.
 *
 * @param actor      user name of the caller
 * @param action     what happened, e.g. {@code claim.approved}
 * @param entityType e.g. {@code claim}
 * @param entityId   id of the changed record
 * @param before     state before, as text (e.g. {@code status=SUBMITTED}); may be empty
 * @param after      state after, as text
 */
public record AuditEvent(String actor, String action, String entityType, String entityId, String before, String after) {
    public AuditEvent {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(entityType, "entityType");
        Objects.requireNonNull(entityId, "entityId");
        before = before == null ? "" : before;
        after = after == null ? "" : after;
    }
}
