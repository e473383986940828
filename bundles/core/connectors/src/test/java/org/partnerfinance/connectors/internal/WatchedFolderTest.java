package org.partnerfinance.connectors.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.partnerfinance.connectors.api.ConnectorInfo;
import org.partnerfinance.connectors.api.ImportProgress;
import org.partnerfinance.connectors.api.ImportRun;
import org.partnerfinance.connectors.api.ImportService;
import org.partnerfinance.connectors.api.Preview;
import org.partnerfinance.connectors.api.RunStatus;
import org.partnerfinance.connectors.api.UnknownConnectorException;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.Role;

/**
 * The watched folder's handling of files: only files that stopped changing, never hidden or temporary names, moved to
 * processed/ or failed/ with their run report, left waiting while the connector is missing. The import itself is the
 * import service's (tested with the real connectors in ConnectorsIT); here a recording service stands in for it.
 */
public class WatchedFolderTest {

    @Rule
    public final TemporaryFolder temp = new TemporaryFolder();

    private final Imports imports = new Imports();

    @Test
    public void aFileIsImportedOnceItHasNotChangedBetweenTwoScansThenMovedWithItsReport() throws IOException {
        WatchedFolder watch = folder("*.csv");
        Path file = write(watch, "invoices.csv", "number;amount\nA-1;10\n");

        assertEquals("first seen: it may still be growing", 0, watch.scan());
        assertTrue(imports.files.isEmpty());
        assertEquals(1, watch.scan());

        assertEquals(List.of("invoices.csv"), imports.files);
        assertEquals("number;amount\nA-1;10\n", imports.contents.get(0));
        assertFalse(Files.exists(file));
        Path processed = watch.folder().resolve("processed");
        assertTrue(Files.exists(processed.resolve("1-invoices.csv")));
        String report = Files.readString(processed.resolve("1-invoices.csv.run.txt"));
        assertTrue(report, report.contains("created 1"));
        assertTrue(report, report.trim().endsWith("IMPORT COMPLETED"));
        assertEquals("nothing left to import", 0, watch.scan());
        assertEquals(1, imports.files.size());
    }

    @Test
    public void theImportRunsAsAnIntegratorNamedAfterTheFolder() throws IOException {
        WatchedFolder watch = folder("*");
        write(watch, "a.csv", "x");
        watch.scan();
        watch.scan();
        Caller caller = imports.callers.get(0);
        assertTrue(caller.roles().contains(Role.INTEGRATOR));
        assertEquals("folder:" + watch.folder(), caller.username());
    }

    @Test
    public void aFileThatGrowsBetweenScansWaits() throws IOException {
        WatchedFolder watch = folder("*");
        Path file = write(watch, "big.csv", "part one");
        watch.scan();
        Files.writeString(file, "part one, part two");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
        assertEquals("changed since the last scan", 0, watch.scan());
        assertEquals(1, watch.scan());
        assertEquals("part one, part two", imports.contents.get(0));
    }

    @Test
    public void hiddenTemporaryAndNonMatchingNamesAreLeftAlone() throws IOException {
        WatchedFolder watch = folder("*.csv");
        for (String name : List.of(".hidden.csv", "upload.csv.tmp", "upload.csv.part", "notes.txt")) {
            write(watch, name, "x");
        }
        watch.scan();
        assertEquals(0, watch.scan());
        assertTrue(imports.files.isEmpty());
        assertTrue(Files.exists(watch.folder().resolve("notes.txt")));
    }

    @Test
    public void aFailedRunMovesTheFileToFailedWithTheReason() throws IOException {
        WatchedFolder watch = folder("*");
        imports.status = RunStatus.FAILED;
        write(watch, "broken.xml", "<Document>");
        watch.scan();
        watch.scan();
        Path failed = watch.folder().resolve("failed");
        assertTrue(Files.exists(failed.resolve("1-broken.xml")));
        String report = Files.readString(failed.resolve("1-broken.xml.run.txt"));
        assertTrue(report, report.contains("IMPORT FAILED: truncated at byte 10"));
    }

    @Test
    public void whileTheConnectorIsMissingFilesWaitAndAreImportedWhenItIsBack() throws IOException {
        WatchedFolder watch = folder("*");
        Path first = write(watch, "1.csv", "one");
        Path second = write(watch, "2.csv", "two");
        imports.missing = true;
        watch.scan();
        assertEquals(0, watch.scan());
        assertTrue(Files.exists(first) && Files.exists(second));
        assertEquals("the second file is not tried while the connector is missing", 1, imports.attempts);

        imports.missing = false;
        assertEquals("the files are still unchanged: imported at once", 2, watch.scan());
        assertEquals(List.of("1.csv", "2.csv"), imports.files);
    }

    @Test
    public void aRelativeFolderIsTakenFromThePortalsHomeAndCreatedWithItsSubfolders() throws IOException {
        Path home = temp.newFolder("home").toPath();
        String previous = System.getProperty("karaf.home");
        System.setProperty("karaf.home", home.toString());
        try {
            WatchedFolder watch = new WatchedFolder(imports, config("import/erp", "*"), false);
            assertEquals(home.resolve("import/erp"), watch.folder());
            assertTrue(Files.isDirectory(home.resolve("import/erp/processed")));
            assertTrue(Files.isDirectory(home.resolve("import/erp/failed")));
        } finally {
            if (previous == null) {
                System.clearProperty("karaf.home");
            } else {
                System.setProperty("karaf.home", previous);
            }
        }
    }

    @Test(expected = IllegalArgumentException.class)
    public void aFolderWithoutConnectorIsRefused() throws IOException {
        new WatchedFolder(imports, new Config(" ", temp.newFolder().toString(), "*"), false);
    }

    private WatchedFolder folder(String pattern) throws IOException {
        return new WatchedFolder(imports, config(temp.newFolder().toString(), pattern), false);
    }

    private static Config config(String folder, String pattern) {
        return new Config("csv", folder, pattern);
    }

    private static Path write(WatchedFolder watch, String name, String content) throws IOException {
        return Files.writeString(watch.folder().resolve(name), content);
    }

    private record Config(String connector, String folder, String pattern) implements WatchedFolderConfiguration {

        @Override
        public int interval_seconds() {
            return 1;
        }

        @Override
        public Class<? extends Annotation> annotationType() {
            return WatchedFolderConfiguration.class;
        }
    }

    /** Records what it is asked to import and answers with a run of one document created (or a failure). */
    private static final class Imports implements ImportService {
        final List<String> files = new ArrayList<>();
        final List<String> contents = new ArrayList<>();
        final List<Caller> callers = new ArrayList<>();
        RunStatus status = RunStatus.COMPLETED;
        boolean missing;
        int attempts;

        @Override
        public ImportRun run(Caller caller, String connectorId, String fileName, InputStream content,
                ImportProgress progress) {
            attempts++;
            if (missing) {
                throw new UnknownConnectorException("No import connector '" + connectorId + "' is installed");
            }
            try {
                contents.add(new String(content.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            files.add(fileName);
            callers.add(caller);
            boolean failed = status == RunStatus.FAILED;
            return new ImportRun(files.size(), connectorId, status, fileName, "00", 10, caller.username(),
                    Instant.now(), Instant.now(), failed ? 0 : 1, failed ? 0 : 1, 0, List.of(),
                    failed ? "truncated at byte 10" : null);
        }

        @Override
        public ImportRun retry(Caller caller, long runId, ImportProgress progress) {
            throw new AssertionError("a watched folder never retries");
        }

        @Override
        public Optional<InputStream> runFile(Caller caller, long runId) {
            throw new AssertionError("a watched folder never reads kept files");
        }

        @Override
        public List<ConnectorInfo> connectors(Caller caller) {
            return List.of();
        }

        @Override
        public Optional<Preview> preview(Caller caller, String connectorId, String fileName, InputStream content,
                int rows) {
            return Optional.empty();
        }

        @Override
        public Optional<ImportRun> find(Caller caller, long runId) {
            return Optional.empty();
        }

        @Override
        public List<ImportRun> recent(Caller caller, String connectorId, int limit) {
            return List.of();
        }
    }
}
