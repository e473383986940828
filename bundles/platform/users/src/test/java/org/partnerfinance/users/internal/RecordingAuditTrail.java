package org.partnerfinance.users.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import org.partnerfinance.audit.api.AuditEvent;
import org.partnerfinance.audit.api.AuditRecord;
import org.partnerfinance.audit.api.AuditTrail;
import org.partnerfinance.audit.api.Verification;
import org.partnerfinance.persistence.api.UnitOfWork;
import org.partnerfinance.security.api.Caller;

/**
 * Records appended events once their unit of work commits (as the real trail, whose rows commit with the change) and
 * can be told to fail, to show that a change whose audit record fails is not kept.
 */
final class RecordingAuditTrail implements AuditTrail {

    private final UnitOfWork unitOfWork;
    private final List<AuditEvent> committed = new CopyOnWriteArrayList<>();
    private volatile boolean failing;

    RecordingAuditTrail(UnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    void failing(boolean value) {
        failing = value;
    }

    List<AuditEvent> events() {
        return new ArrayList<>(committed);
    }

    List<AuditEvent> events(String action) {
        return committed.stream().filter(e -> e.action().equals(action)).collect(Collectors.toList());
    }

    @Override
    public AuditRecord append(AuditEvent event) {
        if (!unitOfWork.active()) {
            throw new IllegalStateException("audit records are appended inside the unit of work of the change");
        }
        if (failing) {
            throw new IllegalStateException("audit store unavailable");
        }
        unitOfWork.afterCommit(() -> committed.add(event));
        return null;
    }

    @Override
    public Verification verify(Caller caller) {
        throw new UnsupportedOperationException("not used by the user directory");
    }

    @Override
    public List<AuditRecord> forEntity(String entityType, String entityId) {
        throw new UnsupportedOperationException("not used by the user directory");
    }

    @Override
    public List<AuditRecord> recent(Caller caller, int max) {
        throw new UnsupportedOperationException("not used by the user directory");
    }

    @Override
    public Optional<Verification> lastVerification(Caller caller) {
        throw new UnsupportedOperationException("not used by the user directory");
    }

    @Override
    public List<AuditRecord> recentByAction(Caller caller, String action, int max) {
        throw new UnsupportedOperationException("not used by the user directory");
    }
}
