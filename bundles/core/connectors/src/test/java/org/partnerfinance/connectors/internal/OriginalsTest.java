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
public class OriginalsTest {

    @Rule
    public final TemporaryFolder temp = new TemporaryFolder();

    @Test
    public void aFileIsFoundOnlyOnceItWasKept() throws IOException {
        Originals originals = new Originals(temp.getRoot().toPath().resolve("pf-imports"), 90);
        try (OutputStream out = originals.create(7)) {
            out.write("a,b\n".getBytes(StandardCharsets.UTF_8));
            assertTrue("still being written", originals.find(7).isEmpty());
        }
        originals.keep(7);
        Path kept = originals.find(7).orElseThrow();
        assertEquals("a,b\n", Files.readString(kept));
    }

    @Test
    public void aDiscardedCopyLeavesNothing() throws IOException {
        Path folder = temp.getRoot().toPath().resolve("pf-imports");
        Originals originals = new Originals(folder, 90);
        try (OutputStream out = originals.create(8)) {
            out.write(1);
        }
        originals.discard(8);
        assertTrue(originals.find(8).isEmpty());
        try (var files = Files.list(folder)) {
            assertEquals(0, files.count());
        }
    }

    @Test
    public void filesOlderThanTheirDaysArePurgedYoungerOnesStay() throws IOException {
        Path folder = temp.getRoot().toPath();
        Originals originals = new Originals(folder, 30);
        Instant now = Instant.parse("2026-12-02T10:00:00Z");
        Path old = Files.writeString(folder.resolve("1"), "old");
        Files.setLastModifiedTime(old, FileTime.from(now.minus(Duration.ofDays(31))));
        Path stale = Files.writeString(folder.resolve("2.part"), "never finished");
        Files.setLastModifiedTime(stale, FileTime.from(now.minus(Duration.ofDays(40))));
        Path young = Files.writeString(folder.resolve("3"), "young");
        Files.setLastModifiedTime(young, FileTime.from(now.minus(Duration.ofDays(29))));

        assertEquals(2, originals.purge(now));
        assertFalse(Files.exists(old));
        assertFalse(Files.exists(stale));
        assertTrue(originals.find(3).isPresent());
    }

    @Test
    public void zeroDaysKeepsNothingAndNegativeIsRefused() {
        assertFalse(new Originals(temp.getRoot().toPath(), 0).enabled());
        try {
            new Originals(temp.getRoot().toPath(), -1);
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("keep.originals.days"));
            return;
        }
        throw new AssertionError("a negative number of days was accepted");
    }

    @Test
    public void purgingAFolderThatDoesNotExistYetRemovesNothing() throws IOException {
        assertEquals(0, new Originals(temp.getRoot().toPath().resolve("missing"), 1).purge(Instant.now()));
    }
}
