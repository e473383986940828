package org.partnerfinance.audit.internal;

import java.time.Clock;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.partnerfinance.audit.api.AuditEvent;
import org.partnerfinance.audit.api.AuditRecord;
import org.partnerfinance.audit.api.AuditTrail;
import org.partnerfinance.audit.api.Verification;
import org.partnerfinance.persistence.api.Jpa;
import org.partnerfinance.persistence.api.PersistenceService;
import org.partnerfinance.persistence.api.PersistenceUnitSpec;
import org.partnerfinance.security.api.Access;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.Role;

/**
 * The audit trail on the {@code audit} persistence unit. Appending joins the caller's unit of work, so a record
 * commits or rolls back with the change it describes.
 */
@Component(service = AuditTrail.class)
public class AuditTrailImpl implements AuditTrail {

    static final String UNIT = "audit";
    static final List<String> ENTITY_CLASSES =
            List.of(AuditRecordEntity.class.getName(), AuditHeadEntity.class.getName());

    static final int MAX_NAME = 100;
    static final int MAX_ENTITY_TYPE = 50;
    static final int MAX_STATE = 16000;
    private static final int MAX_RECENT = 1000;
    /** Records read per query while verifying. */
    private static final int PAGE = 500;
    /** Results that are only read, not changed: EclipseLink does not keep them in the persistence context. */
    private static final String READ_ONLY = "eclipselink.read-only";

    private final Jpa jpa;
    private final Clock clock;

    @Activate
    public AuditTrailImpl(@Reference(name = "persistence") PersistenceService persistence, BundleContext context) {
        this(persistence.open(new PersistenceUnitSpec(UNIT, context.getBundle(), ENTITY_CLASSES, "db/audit")),
                Clock.systemUTC());
    }

    AuditTrailImpl(Jpa jpa, Clock clock) {
        this.jpa = jpa;
        this.clock = clock;
    }

    @Deactivate
    void deactivate() {
        jpa.close();
    }

    @Override
    public AuditRecord append(AuditEvent event) {
        checkLengths(event);
        return jpa.tx(em -> {
            // Updating the head row first takes its write lock until the unit of work ends: appenders queue here, so
            // sequence numbers and hashes are assigned one after another.
            em.createQuery("UPDATE AuditHeadEntity h SET h.lastSeq = h.lastSeq WHERE h.id = :id")
                    .setParameter("id", AuditHeadEntity.ID).executeUpdate();
            AuditHeadEntity head = em.find(AuditHeadEntity.class, AuditHeadEntity.ID);
            em.refresh(head);
            AuditRecord record = AuditChain.next(head.getLastSeq(), head.getLastHash(), clock.instant(), event);
            em.persist(new AuditRecordEntity(record));
            head.advance(record.seq(), record.hash());
            return record;
        });
    }

    @Override
    public Verification verify(Caller caller) {
        Access.requireAnyRole(caller, Role.ADMINISTRATOR, Role.FINANCE_MANAGER);
        return jpa.tx(em -> {
            // Records appended after the head was read belong to later verifications.
            AuditHeadEntity head = em.find(AuditHeadEntity.class, AuditHeadEntity.ID);
            em.refresh(head);
            AuditChain.Verifier verifier = new AuditChain.Verifier();
            long after = 0;
            List<AuditRecordEntity> page;
            do {
                page = em.createQuery("SELECT r FROM AuditRecordEntity r WHERE r.seq > :after AND r.seq <= :last "
                                + "ORDER BY r.seq", AuditRecordEntity.class)
                        .setParameter("after", after).setParameter("last", head.getLastSeq())
                        .setHint(READ_ONLY, Boolean.TRUE).setMaxResults(PAGE).getResultList();
                for (AuditRecordEntity row : page) {
                    feed(verifier, row);
                    after = row.getSeq();
                }
            } while (page.size() == PAGE);
            return verifier.finish(head.getLastSeq(), head.getLastHash());
        });
    }

    @Override
    public List<AuditRecord> forEntity(String entityType, String entityId) {
        return jpa.tx(em -> em.createQuery("SELECT r FROM AuditRecordEntity r WHERE r.entityType = :type "
                        + "AND r.entityId = :id ORDER BY r.seq", AuditRecordEntity.class)
                .setParameter("type", entityType).setParameter("id", entityId)
                .setHint(READ_ONLY, Boolean.TRUE).getResultList().stream()
                .map(AuditRecordEntity::toRecord).toList());
    }

    @Override
    public List<AuditRecord> recent(Caller caller, int max) {
        Access.requireAnyRole(caller, Role.ADMINISTRATOR, Role.FINANCE_MANAGER);
        int limit = Math.max(1, Math.min(max, MAX_RECENT));
        return jpa.tx(em -> em.createQuery("SELECT r FROM AuditRecordEntity r ORDER BY r.seq DESC",
                        AuditRecordEntity.class)
                .setHint(READ_ONLY, Boolean.TRUE).setMaxResults(limit).getResultList().stream()
                .map(AuditRecordEntity::toRecord).toList());
    }

    private static void feed(AuditChain.Verifier verifier, AuditRecordEntity row) {
        AuditRecord record;
        try {
            record = row.toRecord();
        } catch (DateTimeParseException e) {
            verifier.unreadable(row.getSeq(), e);
            return;
        }
        verifier.accept(record);
    }

    private static void checkLengths(AuditEvent event) {
        requireAtMost("actor", event.actor(), MAX_NAME);
        requireAtMost("action", event.action(), MAX_NAME);
        requireAtMost("entity type", event.entityType(), MAX_ENTITY_TYPE);
        requireAtMost("entity id", event.entityId(), MAX_NAME);
        requireAtMost("before state", event.before(), MAX_STATE);
        requireAtMost("after state", event.after(), MAX_STATE);
    }

    private static void requireAtMost(String what, String value, int max) {
        if (value.length() > max) {
            throw new IllegalArgumentException("An audit record's " + what + " has at most " + max + " characters.");
        }
    }
}
