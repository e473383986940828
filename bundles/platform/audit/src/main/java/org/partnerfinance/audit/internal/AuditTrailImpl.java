package org.partnerfinance.audit.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.persistence.EntityManager;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.partnerfinance.audit.api.AuditEvent;
import org.partnerfinance.audit.api.AuditRecord;
import org.partnerfinance.audit.api.AuditTrail;
import org.partnerfinance.audit.api.HeadSignature;
import org.partnerfinance.audit.api.Verification;
import org.partnerfinance.persistence.api.Jpa;
import org.partnerfinance.persistence.api.PersistenceService;
import org.partnerfinance.persistence.api.PersistenceUnitSpec;
import org.partnerfinance.security.api.Access;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit trail on the {@code audit} persistence unit. Appending joins the caller's unit of work, so a record
 * commits or rolls back with the change it describes. Every append signs the new head with the {@link AuditKey} kept
 * outside the database; verification recomputes the chain, checks that the head matches the last record and carries a
 * valid signature, and reports records stored beyond the head. Nothing is appended to a head without a valid
 * signature: that would sign a rewritten chain.
 */
@Component(service = AuditTrail.class, configurationPid = AuditConfiguration.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = AuditConfiguration.class)
public class AuditTrailImpl implements AuditTrail {

    static final String UNIT = "audit";
    static final List<String> ENTITY_CLASSES =
            List.of(AuditRecordEntity.class.getName(), AuditHeadEntity.class.getName());
    static final String KEY_FILE_NAME = "org.partnerfinance.audit.key";

    static final int MAX_NAME = 100;
    static final int MAX_ENTITY_TYPE = 50;
    static final int MAX_STATE = 16000;
    private static final int MAX_RECENT = 1000;
    /** Records read per query while verifying. */
    private static final int PAGE = 500;
    /** Results that are only read, not changed: EclipseLink does not keep them in the persistence context. */
    private static final String READ_ONLY = "eclipselink.read-only";

    private static final Logger LOG = LoggerFactory.getLogger(AuditTrailImpl.class);

    private final Jpa jpa;
    private final Clock clock;
    private final AuditKey key;
    private final AtomicReference<Verification> last = new AtomicReference<>();

    @Activate
    public AuditTrailImpl(@Reference(name = "persistence") PersistenceService persistence, BundleContext context,
            AuditConfiguration config) {
        this(persistence.open(new PersistenceUnitSpec(UNIT, context.getBundle(), ENTITY_CLASSES, "db/audit")),
                Clock.systemUTC(), AuditKey.loadOrCreate(keyFile(config.keyFile(), context.getProperty("karaf.etc"))),
                config.adoptUnsignedHead());
    }

    AuditTrailImpl(Jpa jpa, Clock clock, AuditKey key, boolean adoptUnsignedHead) {
        this.jpa = jpa;
        this.clock = clock;
        this.key = key;
        try {
            if (key.created()) {
                LOG.info("Created a new audit key in {}: keep a copy of it with the backups, never in the database",
                        key.file());
            }
            adoptUnsignedHead(adoptUnsignedHead || key.created());
        } catch (RuntimeException e) {
            jpa.close();
            throw e;
        }
    }

    /** The configured key file, or {@value #KEY_FILE_NAME} in Karaf's etc/ folder. */
    static Path keyFile(String configured, String karafEtc) {
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured.trim());
        }
        if (karafEtc == null || karafEtc.isBlank()) {
            throw new IllegalStateException("No audit key file configured and karaf.etc is not set: set keyFile in "
                    + AuditConfiguration.PID);
        }
        return Path.of(karafEtc, KEY_FILE_NAME);
    }

    @Deactivate
    void deactivate() {
        jpa.close();
    }

    /**
     * Signs a head that has none yet: the empty chain of a new database always, a head with records only when allowed
     * (a new key, or configured) and only after the chain up to it has been verified intact. Otherwise the head stays
     * unsigned and every verification reports it.
     */
    private void adoptUnsignedHead(boolean allowed) {
        jpa.tx(em -> {
            AuditHeadEntity head = lockHead(em);
            if (head.getSignature() != null) {
                return null;
            }
            long rows = em.createQuery("SELECT COUNT(r) FROM AuditRecordEntity r", Long.class).getSingleResult();
            if (head.getLastSeq() == 0 && rows == 0) {
                head.sign(key.sign(head.getLastSeq(), head.getLastHash()));
                LOG.info("Signed the head of the new, empty audit trail with the {}", key);
                return null;
            }
            if (!allowed) {
                LOG.error("The audit trail's head (record {}) is not signed although the {} existed before: it is "
                        + "reported as not signed. If this database comes from a version without head signatures, "
                        + "set adoptUnsignedHead=true in etc/{}.cfg once to sign it after a verification.",
                        head.getLastSeq(), key, AuditConfiguration.PID);
                return null;
            }
            AuditChain.Verifier verifier = new AuditChain.Verifier();
            readChain(em, head.getLastSeq(), verifier);
            if (verifier.chainIntact(head.getLastSeq(), head.getLastHash()) && rows == head.getLastSeq()) {
                head.sign(key.sign(head.getLastSeq(), head.getLastHash()));
                LOG.warn("The audit trail's head had no signature (a database from before head signing): the chain "
                        + "was verified intact over {} records and its head (record {}) is now signed with the {}. "
                        + "Changes made before this moment are only protected by the hash chain.",
                        rows, head.getLastSeq(), key);
            } else {
                LOG.error("The audit trail's head (record {}) has no signature and the chain does not verify: the head "
                        + "is left unsigned; run pf:audit-verify for details.", head.getLastSeq());
            }
            return null;
        });
    }

    /** Takes the head row's write lock until the unit of work ends and reads it fresh. */
    private static AuditHeadEntity lockHead(EntityManager em) {
        // Updating the head row first takes its write lock: appenders queue here, so sequence numbers and hashes are
        // assigned one after another.
        em.createQuery("UPDATE AuditHeadEntity h SET h.lastSeq = h.lastSeq WHERE h.id = :id")
                .setParameter("id", AuditHeadEntity.ID).executeUpdate();
        AuditHeadEntity head = em.find(AuditHeadEntity.class, AuditHeadEntity.ID);
        em.refresh(head);
        return head;
    }

    @Override
    public AuditRecord append(AuditEvent event) {
        checkLengths(event);
        return jpa.tx(em -> {
            AuditHeadEntity head = lockHead(em);
            // Extending a head that this key did not sign would sign a rewritten chain for whoever rewrote it: refuse,
            // so that a tampered trail stops taking records (and the changes they describe) until it is looked at.
            if (!key.verifies(head.getLastSeq(), head.getLastHash(), head.getSignature())) {
                LOG.error("Refused to append to the audit trail: its head (record {}) is {}; run pf:audit-verify",
                        head.getLastSeq(), head.getSignature() == null ? "not signed" : "not validly signed");
                throw new IllegalStateException("The audit trail cannot take new records: its head is not validly "
                        + "signed. An administrator must check it (pf:audit-verify).");
            }
            AuditRecord record = AuditChain.next(head.getLastSeq(), head.getLastHash(), clock.instant(), event);
            em.persist(new AuditRecordEntity(record));
            head.advance(record.seq(), record.hash(), key.sign(record.seq(), record.hash()));
            return record;
        });
    }

    @Override
    public Verification verify(Caller caller) {
        Access.requireAnyRole(caller, Role.ADMINISTRATOR, Role.FINANCE_MANAGER);
        Verification result = jpa.tx(em -> {
            // Records appended after the head was read belong to later verifications.
            AuditHeadEntity head = em.find(AuditHeadEntity.class, AuditHeadEntity.ID);
            em.refresh(head);
            long headSeq = head.getLastSeq();
            String headHash = head.getLastHash();
            String signature = head.getSignature();
            AuditChain.Verifier verifier = new AuditChain.Verifier();
            readChain(em, headSeq, verifier);
            HeadSignature signed = signature == null ? HeadSignature.MISSING
                    : key.verifies(headSeq, headHash, signature) ? HeadSignature.VALID : HeadSignature.INVALID;
            long[] beyond = beyondHead(em, headSeq);
            return verifier.finish(clock.instant(), headSeq, headHash, signed, beyond[0], beyond[1]);
        });
        last.set(result);
        return result;
    }

    /** Feeds the records up to {@code headSeq} to the verifier, page by page. */
    private static void readChain(EntityManager em, long headSeq, AuditChain.Verifier verifier) {
        long after = 0;
        List<AuditRecordEntity> page;
        do {
            page = em.createQuery("SELECT r FROM AuditRecordEntity r WHERE r.seq > :after AND r.seq <= :last "
                            + "ORDER BY r.seq", AuditRecordEntity.class)
                    .setParameter("after", after).setParameter("last", headSeq)
                    .setHint(READ_ONLY, Boolean.TRUE).setMaxResults(PAGE).getResultList();
            for (AuditRecordEntity row : page) {
                feed(verifier, row);
                after = row.getSeq();
            }
        } while (page.size() == PAGE);
    }

    /**
     * How many records lie beyond the head read at {@code headSeq}, and the lowest of their numbers. Appenders commit
     * a record together with the head that points at it, so records seen here that the head (read again afterwards)
     * does not cover were not appended through this service; records appended while verifying are covered.
     */
    private static long[] beyondHead(EntityManager em, long headSeq) {
        Object[] seen = em.createQuery("SELECT COUNT(r), MAX(r.seq) FROM AuditRecordEntity r WHERE r.seq > :head",
                        Object[].class)
                .setParameter("head", headSeq).getSingleResult();
        if (((Number) seen[0]).longValue() == 0) {
            return new long[] {0, -1};
        }
        long maxSeen = ((Number) seen[1]).longValue();
        AuditHeadEntity head = em.find(AuditHeadEntity.class, AuditHeadEntity.ID);
        em.refresh(head);
        long now = head.getLastSeq();
        if (maxSeen <= now) {
            return new long[] {0, -1};
        }
        Object[] beyond = em.createQuery("SELECT COUNT(r), MIN(r.seq) FROM AuditRecordEntity r "
                        + "WHERE r.seq > :head AND r.seq <= :max", Object[].class)
                .setParameter("head", now).setParameter("max", maxSeen).getSingleResult();
        return new long[] {((Number) beyond[0]).longValue(), ((Number) beyond[1]).longValue()};
    }

    @Override
    public Optional<Verification> lastVerification(Caller caller) {
        Access.requireAnyRole(caller, Role.ADMINISTRATOR, Role.FINANCE_MANAGER);
        return Optional.ofNullable(last.get());
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

    @Override
    public List<AuditRecord> recentByAction(Caller caller, String action, int max) {
        Access.requireAnyRole(caller, Role.ADMINISTRATOR, Role.FINANCE_MANAGER);
        int limit = Math.max(1, Math.min(max, MAX_RECENT));
        return jpa.tx(em -> em.createQuery("SELECT r FROM AuditRecordEntity r WHERE r.action = :action "
                        + "ORDER BY r.seq DESC", AuditRecordEntity.class)
                .setParameter("action", action)
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
