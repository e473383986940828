package org.partnerfinance.audit.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.partnerfinance.audit.api.AuditEvent;
import org.partnerfinance.audit.api.AuditRecord;
import org.partnerfinance.audit.api.Verification;
import org.partnerfinance.persistence.api.PersistenceUnitSpec;
import org.partnerfinance.persistence.internal.TestPersistence;
import org.partnerfinance.security.api.AccessDeniedException;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.Role;

/** The audit trail on the real schema in an in-memory Derby database, tampered with through plain SQL. */
public class AuditTrailDbTest {

    private static final Caller MANAGER = new Caller("manager", null, Set.of(Role.FINANCE_MANAGER), null);
    private static final Caller REVIEWER = new Caller("reviewer", null, Set.of(Role.FINANCE_REVIEWER), null);

    private TestPersistence db;
    private AuditTrailImpl audit;

    /** The database the tests run on: in-memory Derby here, PostgreSQL in {@link AuditTrailDbPostgresTest}. */
    protected TestPersistence newDatabase() {
        return TestPersistence.inMemory();
    }

    @Before
    public void setUp() {
        db = newDatabase();
        audit = new AuditTrailImpl(db.persistenceService().open(new PersistenceUnitSpec(AuditTrailImpl.UNIT,
                TestPersistence.bundleOf(AuditTrailImpl.class), AuditTrailImpl.ENTITY_CLASSES, "db/audit")),
                Clock.systemUTC());
    }

    @After
    public void tearDown() {
        db.close();
    }

    private static AuditEvent event(int i) {
        return new AuditEvent("reviewer", "claim.approved", "claim", Integer.toString(i), "status=SUBMITTED",
                "status=APPROVED");
    }

    private void appendSome(int n) {
        for (int i = 1; i <= n; i++) {
            audit.append(event(i));
        }
    }

    private void sql(String statement) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate(statement);
        }
    }

    @Test
    public void appendedRecordsChainAndVerify() {
        AuditRecord first = audit.append(event(1));
        AuditRecord second = audit.append(event(2));
        assertEquals(1, first.seq());
        assertEquals(AuditChain.GENESIS, first.previousHash());
        assertEquals(first.hash(), second.previousHash());
        assertEquals(List.of(second), audit.forEntity("claim", "2"));
        assertEquals(List.of(second, first), audit.recent(MANAGER, 10));

        Verification v = audit.verify(MANAGER);
        assertTrue(v.message(), v.intact());
        assertEquals(2, v.checked());
    }

    @Test
    public void emptyTrailVerifies() {
        assertTrue(audit.verify(Caller.system()).intact());
    }

    @Test
    public void editedRowIsDetected() throws SQLException {
        appendSome(5);
        sql("UPDATE audit_record SET after_state = 'status=REJECTED' WHERE seq = 3");
        Verification v = audit.verify(MANAGER);
        assertFalse(v.intact());
        assertEquals(3, v.firstBroken());
        assertEquals(5, v.checked());
    }

    @Test
    public void editedTimeIsDetected() throws SQLException {
        appendSome(3);
        sql("UPDATE audit_record SET recorded_at = '2001-01-01T00:00:00.000Z' WHERE seq = 2");
        assertEquals(2, audit.verify(MANAGER).firstBroken());
        sql("UPDATE audit_record SET recorded_at = 'yesterday' WHERE seq = 1");
        assertEquals(1, audit.verify(MANAGER).firstBroken());
    }

    @Test
    public void deletedRowsAreDetected() throws SQLException {
        appendSome(5);
        sql("DELETE FROM audit_record WHERE seq = 2");
        assertEquals(2, audit.verify(MANAGER).firstBroken());
        sql("DELETE FROM audit_record WHERE seq >= 2");
        Verification v = audit.verify(MANAGER);
        assertEquals(v.message(), 2, v.firstBroken());
    }

    @Test
    public void headOutOfStepWithTheRecordsIsDetected() throws SQLException {
        appendSome(3);
        sql("UPDATE audit_head SET last_hash = '" + "a".repeat(64) + "' WHERE id = 1");
        assertEquals(3, audit.verify(MANAGER).firstBroken());
    }

    @Test
    public void appendJoinsTheUnitOfWorkAndRollsBackWithIt() {
        appendSome(1);
        assertThrows(IllegalStateException.class, () -> db.unitOfWork().required(() -> {
            audit.append(event(2));
            throw new IllegalStateException("business change failed");
        }));
        assertEquals(1, audit.recent(MANAGER, 10).size());
        AuditRecord next = audit.append(event(3));
        assertEquals(2, next.seq());
        assertTrue(audit.verify(MANAGER).intact());
    }

    @Test
    public void concurrentAppendersProduceOneUnbrokenChain() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 10; i++) {
                        audit.append(event(thread * 100 + i));
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        Verification v = audit.verify(MANAGER);
        assertTrue(v.message(), v.intact());
        assertEquals(40, v.checked());
    }

    @Test
    public void onlyAdministratorsAndManagersVerifyAndList() {
        assertThrows(AccessDeniedException.class, () -> audit.verify(REVIEWER));
        assertThrows(AccessDeniedException.class, () -> audit.recent(REVIEWER, 5));
        audit.verify(new Caller("admin", null, Set.of(Role.ADMINISTRATOR), null));
    }

    @Test
    public void oversizedFieldsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> audit.append(
                new AuditEvent("u", "a", "claim", "1", "", "x".repeat(AuditTrailImpl.MAX_STATE + 1))));
        assertEquals(0, audit.recent(MANAGER, 5).size());
    }
}
