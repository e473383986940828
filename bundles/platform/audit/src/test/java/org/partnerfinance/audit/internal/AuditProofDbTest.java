package org.partnerfinance.audit.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.After;
import org.junit.Before;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.partnerfinance.audit.api.AuditEvent;
import org.partnerfinance.audit.api.AuditProof;
import org.partnerfinance.audit.api.SignedTreeHead;
import org.partnerfinance.audit.api.Verification;
import org.partnerfinance.persistence.api.PersistenceUnitSpec;
import org.partnerfinance.persistence.internal.TestPersistence;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.Role;

/**
 * Proofs from the real schema, checked by the independent verifier that partners run (docs/audit-proof/
 * VerifyAuditProof.java, compiled from the file as shipped and run in a JVM of its own): a genuine proof passes, a
 * changed record, a changed path or another key fail; tampering in the database shows in verifications.
 */
public class AuditProofDbTest {

    private static final Caller MANAGER = new Caller("manager", null, Set.of(Role.FINANCE_MANAGER), null);

    @ClassRule
    public static TemporaryFolder verifierFolder = new TemporaryFolder();
    private static Path verifierClasses;

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private TestPersistence db;
    private Path keyFile;
    private Path signingKeyFile;
    private AuditTrailImpl audit;

    protected TestPersistence newDatabase() {
        return TestPersistence.inMemory();
    }

    @BeforeClass
    public static void compileVerifier() throws IOException {
        Path source = Path.of(System.getProperty("basedir", "."))
                .resolve("../../../docs/audit-proof/VerifyAuditProof.java").normalize();
        assertTrue("the verifier partners run is at " + source, Files.exists(source));
        verifierClasses = verifierFolder.newFolder("classes").toPath();
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, javac.run(null, null, null, "-d", verifierClasses.toString(), source.toString()));
    }

    @Before
    public void setUp() {
        db = newDatabase();
        keyFile = folder.getRoot().toPath().resolve("etc").resolve(AuditTrailImpl.KEY_FILE_NAME);
        signingKeyFile = folder.getRoot().toPath().resolve("etc").resolve(AuditTrailImpl.SIGNING_KEY_FILE_NAME);
        audit = open();
    }

    @After
    public void tearDown() {
        db.close();
    }

    private AuditTrailImpl open() {
        return new AuditTrailImpl(db.persistenceService().open(new PersistenceUnitSpec(AuditTrailImpl.UNIT,
                TestPersistence.bundleOf(AuditTrailImpl.class), AuditTrailImpl.ENTITY_CLASSES, "db/audit")),
                Clock.systemUTC(), AuditKey.loadOrCreate(keyFile), TreeSigningKey.loadOrCreate(signingKeyFile),
                false);
    }

    private static AuditEvent event(int i) {
        return new AuditEvent("partner-user", "claim.submitted", "claim", Integer.toString(i), "status=DRAFT",
                "status=SUBMITTED; amount=" + i + ".50 EUR; note=\"quoted\" \\ back\u00e9\n2nd line");
    }

    private void appendSome(int n) {
        for (int i = 1; i <= n; i++) {
            audit.append(event(i));
        }
    }

    /** Runs the verifier as a partner does; returns its exit status and output. */
    private VerifierRun verify(String proofJson, String publishedKey) throws Exception {
        Path proof = folder.newFile().toPath();
        Files.writeString(proof, proofJson, StandardCharsets.UTF_8);
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", verifierClasses.toString(), "VerifyAuditProof", proof.toString()));
        if (publishedKey != null) {
            Path key = folder.newFile().toPath();
            Files.writeString(key, publishedKey, StandardCharsets.US_ASCII);
            command.add(key.toString());
        }
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return new VerifierRun(p.exitValue(), out);
    }

    private record VerifierRun(int status, String output) {
    }

    @Test
    public void proofsOfFirstMiddleAndLastRecordPassTheIndependentVerifier() throws Exception {
        appendSome(13); // not a power of two
        String key = audit.publicKeyPem();
        for (long seq : new long[] {1, 7, 13}) {
            AuditProof proof = audit.proof(seq);
            assertEquals(seq, proof.record().seq());
            assertEquals(seq - 1, proof.leafIndex());
            assertEquals(13, proof.treeHead().treeSize());
            VerifierRun run = verify(proof.json(), key);
            assertEquals(run.output(), 0, run.status());
            assertTrue(run.output(), run.output().startsWith("VALID: audit record " + seq + " "));
        }
    }

    @Test
    public void aTamperedRecordAChangedPathOrAnotherKeyFail() throws Exception {
        appendSome(6);
        AuditProof proof = audit.proof(4);
        String json = proof.json();
        String key = audit.publicKeyPem();
        assertEquals(0, verify(json, key).status());

        // the amount in the record
        String amount = json.replace("amount=4.50 EUR", "amount=400.50 EUR");
        assertNotEquals(json, amount);
        VerifierRun changedAmount = verify(amount, key);
        assertEquals(changedAmount.output(), 1, changedAmount.status());
        assertTrue(changedAmount.output(), changedAmount.output().contains("the record was changed"));

        // another field, with the record's hash recomputed to match: the path then leads elsewhere
        AuditRecordFields forged = new AuditRecordFields(proof, "mallory");
        String actor = json.replace("\"actor\" : \"partner-user\"", "\"actor\" : \"mallory\"")
                .replace(proof.record().hash(), forged.hash());
        VerifierRun changedActor = verify(actor, key);
        assertEquals(changedActor.output(), 1, changedActor.status());
        assertTrue(changedActor.output(), changedActor.output().contains("does not lead to the signed root"));

        // one hash of the audit path
        String first = proof.auditPath().get(0);
        String path = json.replace(first, first.substring(0, 63) + (first.charAt(63) == '0' ? '1' : '0'));
        VerifierRun changedPath = verify(path, key);
        assertEquals(changedPath.output(), 1, changedPath.status());

        // another installation's key
        String otherKey = TreeSigningKey.loadOrCreate(folder.getRoot().toPath().resolve("other.pem")).publicKeyPem();
        VerifierRun wrongKey = verify(json, otherKey);
        assertEquals(wrongKey.output(), 1, wrongKey.status());

        // a root changed together with the path is caught by the signature
        String root = proof.treeHead().rootHash();
        String newRoot = root.substring(0, 63) + (root.charAt(63) == '0' ? '1' : '0');
        VerifierRun changedRoot = verify(json.replace(root, newRoot), key);
        assertEquals(changedRoot.output(), 1, changedRoot.status());

        // not a proof at all
        assertEquals(2, verify("{\"format\": ", key).status());
    }

    /** The record of a proof with another actor and its chain hash recomputed. */
    private static final class AuditRecordFields {
        private final String hash;

        AuditRecordFields(AuditProof proof, String actor) {
            AuditEvent e = proof.record().event();
            hash = AuditChain.hash(proof.record().seq(), proof.record().at(),
                    new AuditEvent(actor, e.action(), e.entityType(), e.entityId(), e.before(), e.after()),
                    proof.record().previousHash());
        }

        String hash() {
            return hash;
        }
    }

    @Test
    public void aProofUsesTheNewestSignedHeadThatCoversTheRecordAndSignsANewOneWhenNeeded() throws Exception {
        appendSome(3);
        SignedTreeHead first = audit.proof(2).treeHead();
        assertEquals(3, first.treeSize());
        appendSome(2);
        // record 2 is covered by the head over 3 records already: no new head needed
        assertEquals(first, audit.proof(2).treeHead());
        // record 5 is not: a head over 5 records is signed and kept
        SignedTreeHead second = audit.proof(5).treeHead();
        assertEquals(5, second.treeSize());
        assertEquals(second, audit.treeHead());
        assertEquals(second, audit.proof(1).treeHead());
        assertEquals("2", query("SELECT COUNT(*) FROM audit_tree_head"));
        assertEquals(0, verify(audit.proof(1).json(), audit.publicKeyPem()).status());
        assertTrue(audit.verify(MANAGER).intact());
    }

    @Test
    public void unknownRecordsHaveNoProof() {
        appendSome(2);
        assertThrows(IllegalArgumentException.class, () -> audit.proof(0));
        assertThrows(IllegalArgumentException.class, () -> audit.proof(3));
    }

    @Test
    public void proofsAcrossStoredSubtreesAndTheRightEdgeAllVerify() throws Exception {
        // past two stored levels (256 and 512 records) with an incomplete run at the right edge
        appendSome(600);
        assertTrue(Integer.parseInt(query("SELECT COUNT(*) FROM audit_tree_node")) >= 3);
        String key = audit.publicKeyPem();
        for (long seq : new long[] {1, 255, 256, 257, 512, 513, 599, 600}) {
            AuditProof proof = audit.proof(seq);
            byte[] root = MerkleTree.rootFromPath(seq - 1, 600, MerkleTree.leafHash(AuditChain.encode(proof.record())),
                    proof.auditPath().stream().map(MerkleTree::unhex).toList());
            assertEquals(proof.treeHead().rootHash(), MerkleTree.hex(root));
        }
        assertEquals(0, verify(audit.proof(300).json(), key).status());
        Verification v = audit.verify(MANAGER);
        assertTrue(v.message(), v.intact());
        assertEquals(600, v.checked());
    }

    @Test
    public void aTrailFromBeforeTheTreeGetsItsTreeAtStartAndThenProves() throws Exception {
        appendSome(300);
        // as a database migrated to V4: the head has no edge and no subtree is stored
        sql("UPDATE audit_head SET tree_frontier = NULL, tree_signature = NULL WHERE id = 1");
        sql("DELETE FROM audit_tree_node");
        Verification before = audit.verify(MANAGER);
        assertFalse(before.intact());
        assertTrue(before.message(), before.message().contains("not built yet"));
        assertThrows(IllegalStateException.class, () -> audit.proof(5));

        AuditTrailImpl restarted = open();
        Verification after = restarted.verify(MANAGER);
        assertTrue(after.message(), after.intact());
        assertEquals(0, verify(restarted.proof(5).json(), restarted.publicKeyPem()).status());
        restarted.append(event(301));
        assertTrue(restarted.verify(MANAGER).intact());
    }

    @Test
    public void tamperingWithTheTreeOrItsHeadsIsReportedAndStopsProofsAndAppends() throws Exception {
        appendSome(300);
        audit.proof(3);
        assertTrue(audit.verify(MANAGER).intact());

        // a stored subtree
        sql("UPDATE audit_tree_node SET hash = '" + "b".repeat(64) + "' WHERE tree_level = 8 AND node_index = 0");
        Verification node = audit.verify(MANAGER);
        assertFalse(node.intact());
        assertTrue(node.message(), node.message().contains("node 8/0"));
        // records 1-256 are proven to others through that subtree
        assertEquals(300, audit.proof(3).treeHead().treeSize());
        assertThrows(IllegalStateException.class, () -> audit.proof(290));
        sql("DELETE FROM audit_tree_node WHERE tree_level = 8 AND node_index = 0");
        assertFalse(audit.verify(MANAGER).intact());
        assertEquals(300, audit.proof(290).treeHead().treeSize()); // computed from the records instead

        // a signed head's root
        sql("UPDATE audit_tree_head SET root_hash = '" + "c".repeat(64) + "'");
        Verification head = audit.verify(MANAGER);
        assertTrue(head.message(), head.message().contains("signed tree head over 300 records"));
        assertThrows(IllegalStateException.class, () -> audit.proof(3));

        // the tree's edge in the head
        sql("UPDATE audit_head SET tree_frontier = '" + "d".repeat(128) + "' WHERE id = 1");
        assertThrows(IllegalStateException.class, () -> audit.append(event(301)));
        assertTrue(audit.verify(MANAGER).message().contains("edge stored in the head is not validly signed"));
    }

    private void sql(String statement) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate(statement);
        }
    }

    private String query(String select) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(select)) {
            assertTrue(select, rs.next());
            return rs.getString(1);
        }
    }
}
