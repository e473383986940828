package org.partnerfinance.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import javax.sql.DataSource;

import org.junit.Before;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runners.MethodSorters;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.osgi.framework.Bundle;
import org.partnerfinance.audit.api.AuditEvent;
import org.partnerfinance.audit.api.AuditProof;
import org.partnerfinance.audit.api.AuditProofs;
import org.partnerfinance.audit.api.AuditRecord;
import org.partnerfinance.audit.api.AuditTrail;
import org.partnerfinance.audit.api.HeadSignature;
import org.partnerfinance.audit.api.Verification;
import org.partnerfinance.security.api.Caller;

/**
 * The audit trail in the distribution, on its embedded Derby database reached through plain JDBC with the portal's own
 * Derby engine, as someone with database access would:
 * <ul>
 * <li>UPDATE and DELETE of audit records are refused by the database, the rows stay as they were;</li>
 * <li>records and head rewritten together, with correctly recomputed hashes (and the append-only triggers dropped
 * first), are detected by {@code pf:audit-verify} through the head's signature, the service refuses to extend the
 * rewritten chain, and a record slipped in beyond the head is reported.</li>
 * </ul>
 * The schedule verifies as shipped (first run 30 s after start). The last test leaves the trail broken, so the methods
 * run in name order, and the class runs last in {@link ProductionDistributionIT}.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
@ExamReactorStrategy(PerSuite.class) // shares one booted distribution: ProductionDistributionIT
public class AuditIT extends PfTestSupport {

    private AuditTrail audit;

    @Before
    public void services() {
        audit = getService(AuditTrail.class);
        waitForCommand("pf:audit-verify");
    }

    @Test
    public void a0_theScheduleVerifiesTheTrailSoonAfterStart() {
        // nothing in this distribution verifies the trail but the schedule (first run 30 s after start, configured in
        // etc/), and no other test of the suite it runs in (ProductionDistributionIT) does either: a last verification
        // can only come from the schedule
        waitFor("the scheduled verification", TIMEOUT, () -> audit.lastVerification(Caller.system()).isPresent());
        Verification scheduled = audit.lastVerification(Caller.system()).orElseThrow();
        assertTrue(scheduled.message(), scheduled.intact());
        assertEquals(HeadSignature.VALID, scheduled.headSignature());
    }

    @Test
    public void a_databaseRefusesUpdateAndDeleteOfAuditRecordsAndTheKeyLivesInEtc() throws Exception {
        for (int i = 1; i <= 3; i++) {
            audit.append(new AuditEvent(Caller.system().username(), "itest.append-only", "itest", "a" + i, "",
                    "n=" + i));
        }
        long seq = audit.forEntity("itest", "a2").get(0).seq();

        Path key = Path.of(System.getProperty("karaf.etc"), "org.partnerfinance.audit.key");
        assertTrue("the audit key is created in etc/", Files.isRegularFile(key));
        if (Files.getFileStore(key).supportsFileAttributeView("posix")) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
        }

        try (Connection c = portalDatabase().getConnection(); Statement s = c.createStatement()) {
            SQLException update = assertThrows(SQLException.class,
                    () -> s.executeUpdate("UPDATE audit_record SET after_state = 'n=99' WHERE seq = " + seq));
            assertTrue(update.getMessage(), update.getMessage().toUpperCase().contains("AUDIT_RECORD_IS_APPEND_ONLY"));
            SQLException delete = assertThrows(SQLException.class,
                    () -> s.executeUpdate("DELETE FROM audit_record WHERE seq = " + seq));
            assertTrue(delete.getMessage(), delete.getMessage().toUpperCase().contains("AUDIT_RECORD_IS_APPEND_ONLY"));
            assertThrows(SQLException.class, () -> s.executeUpdate("DELETE FROM audit_record"));
            try (ResultSet rs = s.executeQuery("SELECT after_state FROM audit_record WHERE seq = " + seq)) {
                assertTrue(rs.next());
                assertEquals("n=2", rs.getString(1));
            }
        }
        assertEquals(List.of("n=2"), audit.forEntity("itest", "a2").stream().map(r -> r.event().after()).toList());

        String out = executeCommand("pf:audit-verify");
        assertTrue(out, out.contains("Audit trail:     INTACT"));
        assertTrue(out, out.contains("Head signature:  VALID"));
        assertTrue(out, out.contains("Beyond head:     0 records"));
        Verification last = audit.lastVerification(Caller.system()).orElseThrow();
        assertTrue(last.message(), last.intact());
    }

    @Test
    public void a1_aRecordsProofIsSignedWithTheKeyPublishedFromEtc() throws Exception {
        AuditProofs proofs = getService(AuditProofs.class);
        AuditRecord record = audit.append(new AuditEvent(Caller.system().username(), "itest.proof", "itest", "p1", "",
                "amount=12.50 EUR"));

        Path keyFile = Path.of(System.getProperty("karaf.etc"), "org.partnerfinance.audit.signing.pem");
        assertTrue("the signing key is created in etc/", Files.isRegularFile(keyFile));
        if (Files.getFileStore(keyFile).supportsFileAttributeView("posix")) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)));
        }

        AuditProof proof = proofs.proof(record.seq());
        assertEquals(record, proof.record());
        assertTrue(proof.treeHead().treeSize() >= record.seq());
        assertTrue(proof.json(), proof.json().contains("\"format\" : \"pf-audit-proof-v1\""));
        assertTrue(proof.json(), proof.json().contains("amount=12.50 EUR"));
        // the head's Ed25519 signature checks with the published key, as a partner checks it (docs/audit-trail.md)
        String pem = proofs.publicKeyPem();
        assertEquals(pem, proof.publicKey());
        PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getMimeDecoder()
                .decode(pem.replaceAll("-----[A-Z ]+-----", ""))));
        Signature signature = Signature.getInstance("Ed25519");
        signature.initVerify(key);
        signature.update(("pf-audit-tree-head-v1\n" + proof.treeHead().treeSize() + "\n" + proof.treeHead().rootHash()
                + "\n" + proof.json().replaceAll("(?s).*\"timestamp\" : \"([^\"]+)\".*", "$1") + "\n")
                .getBytes(StandardCharsets.UTF_8));
        assertTrue(signature.verify(Base64.getDecoder().decode(proof.treeHead().signature())));
        assertTrue(audit.verify(Caller.system()).intact());
    }

    @Test
    public void b_rewriteOfRecordsAndHeadTogetherIsDetectedByAuditVerify() throws Exception {
        audit.append(new AuditEvent(Caller.system().username(), "itest.rewrite", "itest", "b1", "", "amount=10"));
        AuditRecord target = audit.append(
                new AuditEvent(Caller.system().username(), "itest.rewrite", "itest", "b2", "", "amount=20"));
        assertNotNull(target);

        try (Connection c = portalDatabase().getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                // hold the head so that no append slips in between reading and rewriting it
                s.execute("LOCK TABLE audit_head IN EXCLUSIVE MODE");
                s.execute("DROP TRIGGER audit_record_refuse_update");
                s.execute("DROP TRIGGER audit_record_refuse_delete");
                long headSeq;
                try (ResultSet rs = s.executeQuery("SELECT last_seq FROM audit_head WHERE id = 1")) {
                    assertTrue(rs.next());
                    headSeq = rs.getLong(1);
                }
                // rewrite the last record (whatever it is) with a correctly recomputed hash, and the head with it
                String forgedHash;
                try (ResultSet rs = s.executeQuery("SELECT seq, recorded_at, actor, action, entity_type, entity_id, "
                        + "before_state, after_state, prev_hash FROM audit_record WHERE seq = " + headSeq)) {
                    assertTrue(rs.next());
                    forgedHash = hash(rs.getLong(1), rs.getString(2), "mallory", rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getString(7), "amount=2000", rs.getString(9).trim());
                }
                try (PreparedStatement p = c.prepareStatement(
                        "UPDATE audit_record SET actor = 'mallory', after_state = 'amount=2000', hash = ? WHERE seq = ?")) {
                    p.setString(1, forgedHash);
                    p.setLong(2, headSeq);
                    assertEquals(1, p.executeUpdate());
                }
                try (PreparedStatement p = c.prepareStatement("UPDATE audit_head SET last_hash = ? WHERE id = 1")) {
                    p.setString(1, forgedHash);
                    assertEquals(1, p.executeUpdate());
                }
            }
            c.commit();
        }

        String out = executeCommand("pf:audit-verify");
        assertTrue(out, out.contains("Audit trail:     BROKEN"));
        assertTrue(out, out.contains("Head signature:  INVALID"));
        assertFalse("the hash chain itself checks out: " + out, out.contains("First broken"));
        Verification v = audit.verify(Caller.system());
        assertEquals(HeadSignature.INVALID, v.headSignature());
        assertFalse(v.intact());

        // the service does not sign the rewritten chain by extending it
        assertThrows(IllegalStateException.class, () -> audit.append(
                new AuditEvent(Caller.system().username(), "itest.rewrite", "itest", "b3", "", "amount=30")));

        // a record slipped in beyond the head is reported too
        try (Connection c = portalDatabase().getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO audit_record (seq, recorded_at, actor, action, entity_type, entity_id, "
                    + "before_state, after_state, prev_hash, hash) SELECT last_seq + 1, '2026-01-01T00:00:00.000Z', "
                    + "'mallory', 'itest.slipped-in', 'itest', 'b4', '', '', last_hash, last_hash FROM audit_head");
        }
        out = executeCommand("pf:audit-verify");
        assertTrue(out, out.contains("Beyond head:     1 record"));
    }

    /** The record hash as documented in the audit bundle (AuditChain): what anyone rewriting the table can compute. */
    private static String hash(long seq, String at, String actor, String action, String entityType, String entityId,
            String before, String after, String previousHash) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("pf-audit-v1".getBytes(StandardCharsets.US_ASCII));
        for (String field : new String[] {Long.toString(seq), at, actor, action, entityType, entityId, before, after,
                previousHash}) {
            byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
            out.write(bytes.length >>> 24);
            out.write(bytes.length >>> 16);
            out.write(bytes.length >>> 8);
            out.write(bytes.length);
            out.writeBytes(bytes);
        }
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(out.toByteArray()));
    }

    /**
     * The portal's embedded Derby database (the default under Karaf's data folder), opened with the Derby engine the
     * portal runs on: the class is loaded from the distribution's Derby bundle.
     */
    private DataSource portalDatabase() throws Exception {
        Bundle derby = null;
        for (Bundle b : bundleContext.getBundles()) {
            if ("org.partnerfinance.derby".equals(b.getSymbolicName())) {
                derby = b;
            }
        }
        assertNotNull("the Derby bundle", derby);
        Object dataSource = derby.loadClass("org.apache.derby.jdbc.EmbeddedDataSource").getConstructor().newInstance();
        dataSource.getClass().getMethod("setDatabaseName", String.class)
                .invoke(dataSource, Path.of(System.getProperty("karaf.data"), "derby", "portal").toString());
        return (DataSource) dataSource;
    }
}
