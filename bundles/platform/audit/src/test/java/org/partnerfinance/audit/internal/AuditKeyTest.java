package org.partnerfinance.audit.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class AuditKeyTest {

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    @Test
    public void keyIsCreatedOnceOwnerOnlyAndReused() throws Exception {
        Path file = folder.getRoot().toPath().resolve("etc/org.partnerfinance.audit.key");
        AuditKey first = AuditKey.loadOrCreate(file);
        assertTrue(first.created());
        assertTrue(Files.exists(file));
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        }
        String content = Files.readString(file);

        AuditKey again = AuditKey.loadOrCreate(file);
        assertFalse(again.created());
        assertEquals(content, Files.readString(file));
        String hash = "ab".repeat(32);
        assertEquals(first.sign(7, hash), again.sign(7, hash));
        assertTrue(again.verifies(7, hash, first.sign(7, hash)));
        assertFalse(again.verifies(8, hash, first.sign(7, hash)));
        assertFalse(again.verifies(7, hash, null));
        assertFalse(first.toString().contains(content.trim()));
    }

    @Test
    public void differentKeysSignDifferently() {
        AuditKey a = AuditKey.loadOrCreate(folder.getRoot().toPath().resolve("a.key"));
        AuditKey b = AuditKey.loadOrCreate(folder.getRoot().toPath().resolve("b.key"));
        String hash = "cd".repeat(32);
        assertNotEquals(a.sign(1, hash), b.sign(1, hash));
        assertTrue(a.sign(1, hash).matches("[0-9a-f]{64}"));
    }

    @Test
    public void aDamagedKeyFileIsRefusedNotReplaced() throws Exception {
        Path file = folder.newFile("broken.key").toPath();
        Files.writeString(file, "not base64 at all!");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> AuditKey.loadOrCreate(file));
        assertTrue(e.getMessage(), e.getMessage().contains(file.toString()));
        assertEquals("not base64 at all!", Files.readString(file));
        Files.writeString(file, "AAAA");
        assertThrows(IllegalStateException.class, () -> AuditKey.loadOrCreate(file));
    }
}
