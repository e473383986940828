package org.partnerfinance.connectors.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Kept import files: written while read, kept only when whole, removed after their days. */
public class RunFilesTest {

    @Rule
    public final TemporaryFolder temp = new TemporaryFolder();

    @Test
    public void aFileIsFoundOnlyOnceItWasKept() throws IOException {
        RunFiles kept = new RunFiles(temp.getRoot().toPath().resolve("pf-imports"), 90);
        try (OutputStream out = kept.create(7)) {
            out.write("a,b\n".getBytes(StandardCharsets.UTF_8));
            assertTrue("still being written", kept.find(7).isEmpty());
        }
        kept.keep(7);
        Path file = kept.find(7).orElseThrow();
        assertEquals("a,b\n", Files.readString(file));
    }

    @Test
    public void aDiscardedCopyLeavesNothing() throws IOException {
        Path folder = temp.getRoot().toPath().resolve("pf-imports");
        RunFiles kept = new RunFiles(folder, 90);
        try (OutputStream out = kept.create(8)) {
            out.write(1);
        }
        kept.discard(8);
        assertTrue(kept.find(8).isEmpty());
        try (var files = Files.list(folder)) {
            assertEquals(0, files.count());
        }
    }

    @Test
    public void filesOlderThanTheirDaysArePurgedYoungerOnesStay() throws IOException {
        Path folder = temp.getRoot().toPath();
        RunFiles kept = new RunFiles(folder, 30);
        Instant now = Instant.parse("2026-12-02T10:00:00Z");
        Path old = Files.writeString(folder.resolve("1"), "old");
        Files.setLastModifiedTime(old, FileTime.from(now.minus(Duration.ofDays(31))));
        Path stale = Files.writeString(folder.resolve("2.part"), "never finished");
        Files.setLastModifiedTime(stale, FileTime.from(now.minus(Duration.ofDays(40))));
        Path young = Files.writeString(folder.resolve("3"), "young");
        Files.setLastModifiedTime(young, FileTime.from(now.minus(Duration.ofDays(29))));

        assertEquals(2, kept.purge(now));
        assertFalse(Files.exists(old));
        assertFalse(Files.exists(stale));
        assertTrue(kept.find(3).isPresent());
    }

    @Test
    public void zeroDaysKeepsNothingAndNegativeIsRefused() {
        assertFalse(new RunFiles(temp.getRoot().toPath(), 0).enabled());
        try {
            new RunFiles(temp.getRoot().toPath(), -1);
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("keep.originals.days"));
            return;
        }
        throw new AssertionError("a negative number of days was accepted");
    }

    @Test
    public void purgingAFolderThatDoesNotExistYetRemovesNothing() throws IOException {
        assertEquals(0, new RunFiles(temp.getRoot().toPath().resolve("missing"), 1).purge(Instant.now()));
    }
}
