package org.partnerfinance.audit.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.partnerfinance.audit.api.AuditEvent;
import org.partnerfinance.audit.api.AuditProof;
import org.partnerfinance.audit.api.AuditRecord;
import org.partnerfinance.audit.api.Verification;
import org.partnerfinance.persistence.api.PersistenceUnitSpec;
import org.partnerfinance.persistence.internal.TestPersistence;
import org.partnerfinance.security.api.Caller;

/**
 * Prints how fast the audit trail verifies itself in full (hash chain, Merkle tree, stored subtrees, signed heads) on
 * a file-based Derby database of {@code pf.bench.records} records (default 1,000,000), against a baseline measured in
 * the same run: a plain JDBC scan of the same rows that hashes nothing. Also prints the time to produce one proof in
 * that trail, and appends through the service. Not a test: nothing is asserted, except that the trail it built
 * verifies intact (a benchmark of a broken trail would measure nothing useful).
 *
 * <p>The trail is written in JDBC batches with the service's own chain, tree and key classes (appending a million
 * records one unit of work at a time would take most of an hour), then opened and verified by the real service. The
 * database is kept in {@code target/audit-benchmark} and reused by the next run when it has the same size.
 *
 * <pre>
 * mvn -B -Dmaven.repo.local=... -pl bundles/platform/audit test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.partnerfinance.audit.internal.AuditVerificationBenchmark [-Dpf.bench.records=1000000]
 * </pre>
 */
public final class AuditVerificationBenchmark {

    private static final int BATCH = 5_000;

    private AuditVerificationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long records = Long.getLong("pf.bench.records", 1_000_000);
        Path dir = Path.of("target", "audit-benchmark", Long.toString(records)).toAbsolutePath();
        Files.createDirectories(dir);
        Path keyFile = dir.resolve(AuditTrailImpl.KEY_FILE_NAME);
        Path signingKeyFile = dir.resolve(AuditTrailImpl.SIGNING_KEY_FILE_NAME);
        String url = "jdbc:derby:" + dir.resolve("db").toString().replace('\\', '/') + ";create=true";
        TestPersistence db = TestPersistence.on(url);
        try {
            AuditTrailImpl audit = open(db, keyFile, signingKeyFile);
            long stored = count(db);
            if (stored < records) {
                if (stored != 0) {
                    throw new IllegalStateException("target/audit-benchmark/" + records + " holds " + stored
                            + " records: delete the folder and run again");
                }
                long start = System.nanoTime();
                fill(db, records, AuditKey.loadOrCreate(keyFile));
                System.out.printf(Locale.ROOT, "filled %,d records in %.1f s%n", records, seconds(start));
                audit.deactivate();
                audit = open(db, keyFile, signingKeyFile); // as after a restart: reads what was written
            }
            // earlier runs appended a few hundred records through the service: they are verified too
            records = count(db);
            System.out.printf(Locale.ROOT, "trail: %,d records on file-based Derby (%s)%n", records, dir);

            for (int round = 1; round <= 3; round++) {
                long cpu = cpuNanos();
                long start = System.nanoTime();
                long scanned = scan(db, false);
                double scan = seconds(start);
                double scanCpu = (cpuNanos() - cpu) / 1e9;
                start = System.nanoTime();
                long scannedByIndex = scan(db, true);
                double indexScan = seconds(start);
                cpu = cpuNanos();
                start = System.nanoTime();
                Verification v = audit.verify(Caller.system());
                double verify = seconds(start);
                double verifyCpu = (cpuNanos() - cpu) / 1e9;
                if (!v.intact() || v.checked() != records || scanned != records || scannedByIndex != records) {
                    throw new IllegalStateException("the benchmark trail does not verify: " + v.message());
                }
                System.out.printf(Locale.ROOT, "round %d: full verification (chain + tree) %,.0f records/s "
                        + "(%.2f s); baseline: plain JDBC table scan of the same rows %,.0f records/s (%.2f s), ratio "
                        + "%.2f; JDBC scan in key order (index, pages of %,d) %,.0f records/s%n", round,
                        records / verify, verify, records / scan, scan, scan / verify, AuditRows.PAGE,
                        records / indexScan);
                // CPU time depends far less than wall time on what else the machine runs: the verification reads
                // on one thread and hashes on another, so on two free cores it takes about half its CPU time.
                System.out.printf(Locale.ROOT, "         CPU time: verification %.2f s (%,.0f records per CPU-second), "
                        + "table scan %.2f s (%,.0f records per CPU-second); load average %.1f%n", verifyCpu,
                        records / verifyCpu, scanCpu, records / scanCpu,
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            }

            Random random = new Random(7);
            List<Long> sample = new ArrayList<>(List.of(1L, records / 2, records));
            for (int i = 0; i < 20; i++) {
                sample.add(1 + (long) (random.nextDouble() * records));
            }
            audit.proof(records); // signs the head over the whole trail once
            long start = System.nanoTime();
            for (long seq : sample) {
                AuditProof p = audit.proof(seq);
                byte[] root = MerkleTree.rootFromPath(p.leafIndex(), p.treeHead().treeSize(),
                        MerkleTree.leafHash(AuditChain.encode(p.record())),
                        p.auditPath().stream().map(MerkleTree::unhex).toList());
                if (root == null || !MerkleTree.hex(root).equals(p.treeHead().rootHash())) {
                    throw new IllegalStateException("the proof of record " + seq + " does not check");
                }
            }
            System.out.printf(Locale.ROOT, "proof of one record in %,d: %.1f ms on average over %d records "
                    + "(first, middle, last and 20 at random)%n", records, seconds(start) * 1000 / sample.size(),
                    sample.size());

            int appends = 500;
            start = System.nanoTime();
            for (int i = 0; i < appends; i++) {
                audit.append(new AuditEvent("bench", "bench.appended", "bench", Integer.toString(i), "",
                        "appended through the service"));
            }
            System.out.printf(Locale.ROOT, "append through the service (one unit of work each): %,.0f records/s%n",
                    appends / seconds(start));
            audit.deactivate();
        } finally {
            db.close();
        }
    }

    private static AuditTrailImpl open(TestPersistence db, Path keyFile, Path signingKeyFile) {
        return new AuditTrailImpl(db.persistenceService().open(new PersistenceUnitSpec(AuditTrailImpl.UNIT,
                TestPersistence.bundleOf(AuditTrailImpl.class), AuditTrailImpl.ENTITY_CLASSES, "db/audit")),
                Clock.systemUTC(), AuditKey.loadOrCreate(keyFile), TreeSigningKey.loadOrCreate(signingKeyFile),
                false);
    }

    /** CPU time of this process (all its threads) so far. */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static long count(TestPersistence db) throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM audit_record")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * The baseline: every column of every row fetched with plain JDBC and nothing hashed, in storage order as the
     * verification reads (a table scan), or in key order through the primary key index in pages.
     */
    private static long scan(TestPersistence db, boolean byIndex) throws Exception {
        long rows = 0;
        long chars = 0;
        String columns = "SELECT seq, recorded_at, actor, action, entity_type, entity_id, before_state, after_state, "
                + "prev_hash, hash FROM audit_record";
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
                byIndex ? columns + " WHERE seq > ? AND seq <= ? ORDER BY seq" : columns)) {
            ps.setFetchSize(1000);
            long last = byIndex ? count(db) : 1;
            for (long from = 0; from < last; from += AuditRows.PAGE) {
                if (byIndex) {
                    ps.setLong(1, from);
                    ps.setLong(2, Math.min(last, from + AuditRows.PAGE));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows++;
                        chars += rs.getLong(1);
                        for (int col = 2; col <= 10; col++) {
                            chars += rs.getString(col).length();
                        }
                    }
                }
            }
        }
        return chars > 0 ? rows : 0;
    }

    /**
     * Writes {@code records} records as the service would have appended them: chained, with the tree's stored
     * subtrees, its edge and the head signed with the installation's key.
     */
    private static void fill(TestPersistence db, long records, AuditKey key) throws Exception {
        Random random = new Random(42);
        Instant at = Instant.parse("2024-01-01T00:00:00Z");
        MerkleTree.Frontier tree = new MerkleTree.Frontier();
        List<long[]> nodeKeys = new ArrayList<>();
        List<byte[]> nodeHashes = new ArrayList<>();
        String previous = AuditChain.GENESIS;
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO audit_record (seq, recorded_at, actor, "
                    + "action, entity_type, entity_id, before_state, after_state, prev_hash, hash) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (long seq = 1; seq <= records; seq++) {
                    at = at.plusMillis(1 + random.nextInt(5000));
                    long claim = 1 + random.nextInt(200_000);
                    AuditEvent event = new AuditEvent("user" + random.nextInt(5000), "claim.submitted", "claim",
                            Long.toString(claim), "status=DRAFT", String.format(Locale.ROOT,
                                    "status=SUBMITTED; type=expense; partner=P-%04d; amount=%d.%02d EUR; "
                                    + "description=Trade fair stand and travel, invoice %d", random.nextInt(1000),
                                    random.nextInt(50_000), random.nextInt(100), claim));
                    AuditRecord r = AuditChain.next(seq - 1, previous, at, event);
                    insert.setLong(1, seq);
                    insert.setString(2, AuditChain.formatTime(r.at()));
                    insert.setString(3, event.actor());
                    insert.setString(4, event.action());
                    insert.setString(5, event.entityType());
                    insert.setString(6, event.entityId());
                    insert.setString(7, event.before());
                    insert.setString(8, event.after());
                    insert.setString(9, r.previousHash());
                    insert.setString(10, r.hash());
                    insert.addBatch();
                    tree.append(MerkleTree.leafHash(AuditChain.encode(r)), AuditTrailImpl.NODE_LEVEL,
                            (level, index, hash) -> {
                                nodeKeys.add(new long[] {level, index});
                                nodeHashes.add(hash);
                            });
                    previous = r.hash();
                    if (seq % BATCH == 0 || seq == records) {
                        insert.executeBatch();
                        c.commit();
                    }
                    if (seq % 100_000 == 0) {
                        System.out.printf(Locale.ROOT, "  %,d records written%n", seq);
                    }
                }
            }
            try (PreparedStatement node = c.prepareStatement(
                    "INSERT INTO audit_tree_node (tree_level, node_index, hash) VALUES (?, ?, ?)")) {
                for (int i = 0; i < nodeKeys.size(); i++) {
                    node.setInt(1, (int) nodeKeys.get(i)[0]);
                    node.setLong(2, nodeKeys.get(i)[1]);
                    node.setString(3, MerkleTree.hex(nodeHashes.get(i)));
                    node.addBatch();
                }
                node.executeBatch();
            }
            String edge = tree.encode();
            try (PreparedStatement head = c.prepareStatement("UPDATE audit_head SET last_seq = ?, last_hash = ?, "
                    + "signature = ?, tree_frontier = ?, tree_signature = ? WHERE id = 1")) {
                head.setLong(1, records);
                head.setString(2, previous);
                head.setString(3, key.sign(records, previous));
                head.setString(4, edge);
                head.setString(5, key.signTree(records, edge));
                head.executeUpdate();
            }
            c.commit();
        }
    }
}
