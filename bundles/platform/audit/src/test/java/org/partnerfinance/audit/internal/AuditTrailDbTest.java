package org.partnerfinance.audit.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.partnerfinance.audit.api.AuditEvent;
import org.partnerfinance.audit.api.AuditRecord;
import org.partnerfinance.audit.api.HeadSignature;
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

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private TestPersistence db;
    private Path keyFile;
    private Path signingKeyFile;
    private AuditTrailImpl audit;

    /** The database the tests run on: in-memory Derby here, PostgreSQL in {@link AuditTrailDbPostgresTest}. */
    protected TestPersistence newDatabase() {
        return TestPersistence.inMemory();
    }

    @Before
    public void setUp() {
        db = newDatabase();
        keyFile = folder.getRoot().toPath().resolve("etc").resolve(AuditTrailImpl.KEY_FILE_NAME);
        signingKeyFile = folder.getRoot().toPath().resolve("etc").resolve(AuditTrailImpl.SIGNING_KEY_FILE_NAME);
        audit = open(false);
    }

    /** A new audit service on the same database and key file, as after a restart. */
    private AuditTrailImpl open(boolean adoptUnsignedHead) {
        return new AuditTrailImpl(db.persistenceService().open(new PersistenceUnitSpec(AuditTrailImpl.UNIT,
                TestPersistence.bundleOf(AuditTrailImpl.class), AuditTrailImpl.ENTITY_CLASSES, "db/audit")),
                Clock.systemUTC(), AuditKey.loadOrCreate(keyFile), TreeSigningKey.loadOrCreate(signingKeyFile),
                adoptUnsignedHead);
    }

    /** What someone with DDL rights does before tampering: the hash chain and the signed head must still tell. */
    private void dropAppendOnlyTriggers() throws SQLException {
        if (onPostgres()) {
            sql("DROP TRIGGER audit_record_refuse_update_delete ON audit_record");
            sql("DROP TRIGGER audit_record_refuse_truncate ON audit_record");
        } else {
            sql("DROP TRIGGER audit_record_refuse_update");
            sql("DROP TRIGGER audit_record_refuse_delete");
        }
    }

    private boolean onPostgres() throws SQLException {
        try (Connection c = db.dataSource().getConnection()) {
            return c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
        }
    }

    /** Derby names the guard constraint (AUDIT_RECORD_IS_APPEND_ONLY), PostgreSQL's trigger says it in words. */
    static void assertAppendOnlyRefusal(SQLException e) {
        String m = e.getMessage().toUpperCase(java.util.Locale.ROOT);
        assertTrue(e.getMessage(),
                m.contains("AUDIT_RECORD_IS_APPEND_ONLY") || m.contains("AUDIT_RECORD IS APPEND-ONLY"));
    }

    String query(String select) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(select)) {
            assertTrue(select, rs.next());
            return rs.getString(1);
        }
    }

    @After
    public void tearDown() {
        db.close();
    }

    private static AuditEvent event(int i) {
        return new AuditEvent("reviewer", "claim.approved", "claim", Integer.toString(i), "status=SUBMITTED",
                "status=APPROVED");
    }

    void appendSome(int n) {
        for (int i = 1; i <= n; i++) {
            audit.append(event(i));
        }
    }

    void sql(String statement) throws SQLException {
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
        dropAppendOnlyTriggers();
        sql("UPDATE audit_record SET after_state = 'status=REJECTED' WHERE seq = 3");
        Verification v = audit.verify(MANAGER);
        assertFalse(v.intact());
        assertEquals(3, v.firstBroken());
        assertEquals(5, v.checked());
    }

    @Test
    public void editedTimeIsDetected() throws SQLException {
        appendSome(3);
        dropAppendOnlyTriggers();
        sql("UPDATE audit_record SET recorded_at = '2001-01-01T00:00:00.000Z' WHERE seq = 2");
        assertEquals(2, audit.verify(MANAGER).firstBroken());
        sql("UPDATE audit_record SET recorded_at = 'yesterday' WHERE seq = 1");
        assertEquals(1, audit.verify(MANAGER).firstBroken());
    }

    @Test
    public void deletedRowsAreDetected() throws SQLException {
        appendSome(5);
        dropAppendOnlyTriggers();
        sql("DELETE FROM audit_record WHERE seq = 2");
        assertEquals(2, audit.verify(MANAGER).firstBroken());
        sql("DELETE FROM audit_record WHERE seq >= 2");
        Verification v = audit.verify(MANAGER);
        assertEquals(v.message(), 2, v.firstBroken());
    }

    @Test
    public void aRecordStoredOutOfPlaceStillVerifiesInSequenceOrder() throws SQLException {
        appendSome(6);
        dropAppendOnlyTriggers();
        // Verification reads the table in storage order: a record moved to the end of the table (deleted and
        // inserted again unchanged, as a restore might do) is put back in sequence order, not reported.
        sql("CREATE TABLE audit_copy AS SELECT * FROM audit_record WITH NO DATA");
        sql("INSERT INTO audit_copy SELECT * FROM audit_record WHERE seq = 2");
        sql("DELETE FROM audit_record WHERE seq = 2");
        sql("INSERT INTO audit_record SELECT * FROM audit_copy");
        Verification v = audit.verify(MANAGER);
        assertTrue(v.message(), v.intact());
        assertEquals(6, v.checked());
    }

    @Test
    public void headOutOfStepWithTheRecordsIsDetected() throws SQLException {
        appendSome(3);
        sql("UPDATE audit_head SET last_hash = '" + "a".repeat(64) + "' WHERE id = 1");
        assertEquals(3, audit.verify(MANAGER).firstBroken());
    }

    @Test
    public void databaseRefusesUpdateAndDeleteOfAuditRecords() throws SQLException {
        appendSome(3);
        String before = query("SELECT after_state FROM audit_record WHERE seq = 2");
        SQLException update = assertThrows(SQLException.class,
                () -> sql("UPDATE audit_record SET after_state = 'status=REJECTED' WHERE seq = 2"));
        assertAppendOnlyRefusal(update);
        SQLException delete = assertThrows(SQLException.class, () -> sql("DELETE FROM audit_record WHERE seq = 2"));
        assertAppendOnlyRefusal(delete);
        assertThrows(SQLException.class, () -> sql("DELETE FROM audit_record"));

        assertEquals(before, query("SELECT after_state FROM audit_record WHERE seq = 2"));
        assertEquals("3", query("SELECT COUNT(*) FROM audit_record"));
        Verification v = audit.verify(MANAGER);
        assertTrue(v.message(), v.intact());
        assertEquals(HeadSignature.VALID, v.headSignature());

        // the head stays the moving end of the chain: appends keep working
        assertEquals(4, audit.append(event(4)).seq());
        assertTrue(audit.verify(MANAGER).intact());
    }

    @Test
    public void rewriteOfRecordsAndHeadTogetherIsDetectedByTheSignature() throws SQLException {
        appendSome(4);
        dropAppendOnlyTriggers();
        // Rewrite record 3 and everything after it with correctly recomputed hashes, and move the head along: the chain
        // alone checks out, only the head's signature (keyed outside the database) gives it away.
        String previous = audit.forEntity("claim", "2").get(0).hash();
        long seq = 2;
        for (int i = 3; i <= 4; i++) {
            AuditRecord r = audit.forEntity("claim", Integer.toString(i)).get(0);
            AuditEvent forged = new AuditEvent("mallory", r.event().action(), r.event().entityType(),
                    r.event().entityId(), r.event().before(), "status=PAID");
            AuditRecord rewritten = AuditChain.next(seq, previous, r.at(), forged);
            sql("UPDATE audit_record SET actor = 'mallory', after_state = 'status=PAID', prev_hash = '" + previous
                    + "', hash = '" + rewritten.hash() + "' WHERE seq = " + rewritten.seq());
            previous = rewritten.hash();
            seq = rewritten.seq();
        }
        sql("UPDATE audit_head SET last_hash = '" + previous + "' WHERE id = 1");

        Verification v = audit.verify(MANAGER);
        assertFalse(v.message(), v.intact());
        assertEquals(-1, v.firstBroken());
        assertEquals(4, v.checked());
        assertEquals(HeadSignature.INVALID, v.headSignature());
        assertTrue(v.message(), v.message().contains("signature"));

        // and the service does not extend (and so sign) the rewritten chain: the change being audited fails with it
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> audit.append(event(5)));
        assertTrue(refused.getMessage(), refused.getMessage().contains("not validly signed"));
        assertEquals("4", query("SELECT COUNT(*) FROM audit_record"));

        // a signature made with another key does not help either
        AuditKey other = AuditKey.loadOrCreate(folder.getRoot().toPath().resolve("other.key"));
        sql("UPDATE audit_head SET signature = '" + other.sign(4, previous) + "' WHERE id = 1");
        assertEquals(HeadSignature.INVALID, audit.verify(MANAGER).headSignature());
        // nor does removing the signature
        sql("UPDATE audit_head SET signature = NULL WHERE id = 1");
        Verification unsigned = audit.verify(MANAGER);
        assertFalse(unsigned.intact());
        assertEquals(HeadSignature.MISSING, unsigned.headSignature());
    }

    @Test
    public void recordsBeyondTheHeadAreReported() throws SQLException {
        appendSome(3);
        AuditRecord last = audit.recent(MANAGER, 1).get(0);
        // a forged record inserted after the last one, chained correctly but without moving the (signed) head
        AuditRecord forged = AuditChain.next(last.seq(), last.hash(), last.at(),
                new AuditEvent("mallory", "claim.paid", "claim", "9", "", "status=PAID"));
        sql("INSERT INTO audit_record (seq, recorded_at, actor, action, entity_type, entity_id, before_state, "
                + "after_state, prev_hash, hash) VALUES (4, '" + AuditChain.formatTime(forged.at()) + "', 'mallory', "
                + "'claim.paid', 'claim', '9', '', 'status=PAID', '" + last.hash() + "', '" + forged.hash() + "')");
        sql("INSERT INTO audit_record (seq, recorded_at, actor, action, entity_type, entity_id, before_state, "
                + "after_state, prev_hash, hash) VALUES (17, '" + AuditChain.formatTime(forged.at()) + "', 'x', "
                + "'x', 'claim', '9', '', '', '" + last.hash() + "', '" + forged.hash() + "')");

        Verification v = audit.verify(MANAGER);
        assertFalse(v.message(), v.intact());
        assertEquals(3, v.checked());
        assertEquals(3, v.headSeq());
        assertEquals(HeadSignature.VALID, v.headSignature());
        assertEquals(2, v.beyondHead());
        assertTrue(v.message(), v.message().contains("from record 4"));
        assertEquals(v, audit.lastVerification(MANAGER).orElseThrow());
    }

    @Test
    public void keyIsCreatedOnceAndReusedAfterARestart() throws Exception {
        appendSome(2);
        String key = Files.readString(keyFile);
        AuditTrailImpl restarted = open(false);
        assertEquals(key, Files.readString(keyFile));
        assertTrue(restarted.verify(MANAGER).intact());
        restarted.append(event(3));
        assertTrue(audit.verify(MANAGER).intact());
    }

    @Test
    public void anUnsignedHeadOfAnOlderDatabaseIsSignedOnlyAfterTheChainVerified() throws Exception {
        appendSome(3);
        sql("UPDATE audit_head SET signature = NULL WHERE id = 1");

        // the key already existed: an unsigned head is reported, not adopted, and not extended
        AuditTrailImpl restarted = open(false);
        assertEquals(HeadSignature.MISSING, restarted.verify(MANAGER).headSignature());
        assertThrows(IllegalStateException.class, () -> restarted.append(event(4)));

        // adopting a broken chain leaves it unsigned
        dropAppendOnlyTriggers();
        String original = query("SELECT after_state FROM audit_record WHERE seq = 2");
        sql("UPDATE audit_record SET after_state = 'status=PAID' WHERE seq = 2");
        assertEquals(HeadSignature.MISSING, open(true).verify(MANAGER).headSignature());

        // an intact chain is adopted: its head gets signed
        sql("UPDATE audit_record SET after_state = '" + original + "' WHERE seq = 2");
        Verification adopted = open(true).verify(MANAGER);
        assertTrue(adopted.message(), adopted.intact());
        assertEquals(HeadSignature.VALID, adopted.headSignature());
    }

    @Test
    public void aNewKeyAdoptsTheUnsignedHeadOfAnUpgradedDatabase() throws Exception {
        appendSome(2);
        sql("UPDATE audit_head SET signature = NULL WHERE id = 1");
        Files.delete(keyFile);
        AuditTrailImpl upgraded = open(false);
        assertTrue(Files.exists(keyFile));
        Verification v = upgraded.verify(MANAGER);
        assertTrue(v.message(), v.intact());
        assertEquals(HeadSignature.VALID, v.headSignature());
    }

    @Test
    public void scheduledVerificationReportsABreak() throws Exception {
        appendSome(3);
        dropAppendOnlyTriggers();
        sql("UPDATE audit_record SET actor = 'mallory' WHERE seq = 2");
        AuditVerificationSchedule schedule = new AuditVerificationSchedule(audit, config(0, 60));
        try {
            Verification v = awaitVerification();
            assertFalse(v.intact());
            assertEquals(2, v.firstBroken());
        } finally {
            schedule.deactivate();
        }
    }

    @Test
    public void scheduleSwitchedOffRunsNothingButCanStillVerify() throws Exception {
        AuditVerificationSchedule schedule = new AuditVerificationSchedule(audit, config(0, 0));
        schedule.deactivate();
        assertTrue(audit.lastVerification(MANAGER).isEmpty());
        schedule.verifyNow();
        assertTrue(audit.lastVerification(MANAGER).orElseThrow().intact());
    }

    private Verification awaitVerification() throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            Optional<Verification> v = audit.lastVerification(MANAGER);
            if (v.isPresent()) {
                return v.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the schedule never verified");
    }

    private static AuditConfiguration config(long firstDelaySeconds, long intervalMinutes) {
        return new AuditConfiguration() {
            @Override
            public Class<? extends java.lang.annotation.Annotation> annotationType() {
                return AuditConfiguration.class;
            }

            @Override
            public String keyFile() {
                return "";
            }

            @Override
            public String signingKeyFile() {
                return "";
            }

            @Override
            public boolean adoptUnsignedHead() {
                return false;
            }

            @Override
            public long verifyIntervalMinutes() {
                return intervalMinutes;
            }

            @Override
            public long firstVerifyDelaySeconds() {
                return firstDelaySeconds;
            }
        };
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
