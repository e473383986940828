package org.partnerfinance.audit.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.partnerfinance.audit.api.SignedTreeHead;

public class TreeSigningKeyTest {

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    @Test
    public void keyPairIsCreatedOnceOwnerOnlyAndReused() throws Exception {
        Path file = folder.getRoot().toPath().resolve("etc").resolve(AuditTrailImpl.SIGNING_KEY_FILE_NAME);
        TreeSigningKey first = TreeSigningKey.loadOrCreate(file);
        assertTrue(first.created());
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        }
        TreeSigningKey again = TreeSigningKey.loadOrCreate(file);
        assertFalse(again.created());
        assertEquals(first.publicKeyPem(), again.publicKeyPem());
        assertTrue(first.publicKeyPem().startsWith("-----BEGIN PUBLIC KEY-----\n"));
        assertFalse(first.toString().contains("PRIVATE"));
    }

    @Test
    public void aTreeHeadVerifiesOnlyAsSignedAndOnlyWithItsKey() {
        TreeSigningKey key = TreeSigningKey.loadOrCreate(folder.getRoot().toPath().resolve("a.pem"));
        TreeSigningKey other = TreeSigningKey.loadOrCreate(folder.getRoot().toPath().resolve("b.pem"));
        SignedTreeHead head = TreeHeads.sign(key, 42, MerkleTree.emptyRoot(), Instant.parse("2025-06-01T10:00:00.123Z"));
        assertTrue(TreeHeads.verifies(key, head));
        assertFalse(TreeHeads.verifies(other, head));
        assertFalse(TreeHeads.verifies(key, new SignedTreeHead(43, head.rootHash(), head.timestamp(),
                head.signature())));
        assertFalse(TreeHeads.verifies(key, new SignedTreeHead(42, "0".repeat(64), head.timestamp(),
                head.signature())));
        assertFalse(TreeHeads.verifies(key, new SignedTreeHead(42, head.rootHash(), head.timestamp().plusMillis(1),
                head.signature())));
        assertFalse(TreeHeads.verifies(key, new SignedTreeHead(42, head.rootHash(), head.timestamp(), "not base64")));
        assertEquals("pf-audit-tree-head-v1\n42\n" + head.rootHash() + "\n2025-06-01T10:00:00.123Z\n",
                new String(TreeHeads.message(42, head.rootHash(), head.timestamp()), StandardCharsets.UTF_8));
    }

    @Test
    public void aDamagedOrMismatchedKeyFileIsRefusedNotReplaced() throws Exception {
        Path file = folder.getRoot().toPath().resolve("damaged.pem");
        Files.writeString(file, "not a key");
        assertThrows(IllegalStateException.class, () -> TreeSigningKey.loadOrCreate(file));
        assertEquals("not a key", Files.readString(file));

        // the private half of one pair with the public half of another
        String a = Files.readString(keyFile("a.pem"));
        String b = Files.readString(keyFile("b.pem"));
        Path mixed = folder.getRoot().toPath().resolve("mixed.pem");
        Files.writeString(mixed, a.substring(0, a.indexOf("-----BEGIN PUBLIC KEY-----"))
                + b.substring(b.indexOf("-----BEGIN PUBLIC KEY-----")));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> TreeSigningKey.loadOrCreate(mixed));
        assertTrue(e.getMessage(), e.getMessage().contains("does not belong"));
    }

    private Path keyFile(String name) {
        Path file = folder.getRoot().toPath().resolve(name);
        TreeSigningKey.loadOrCreate(file);
        return file;
    }
}
