package org.partnerfinance.connectors.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.partnerfinance.connectors.api.ImportRun;
import org.partnerfinance.connectors.api.ImportService;
import org.partnerfinance.connectors.api.RunStatus;
import org.partnerfinance.connectors.api.UnknownConnectorException;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A folder an ERP or a bank client drops files into: each file that has stopped growing is imported with the
 * configured connector through {@link ImportService} (so the run is recorded, audited and idempotent like any other),
 * then moved to {@code processed/} (the run completed) or {@code failed/} (the file could not be read to its end),
 * under {@code <run id>-<name>}, beside {@code <run id>-<name>.run.txt} with the same summary {@code pf:import}
 * prints. Rejected documents of a completed run are in that report; the file is not imported again.
 *
 * <p>While the connector is not installed or is switched off, files stay where they are and are tried again at the
 * next scan, so switching a connector off pauses its folder instead of failing its files. A file is never imported
 * twice by this folder because it is moved right after its run; should the move fail (e.g. permissions), the
 * import service's idempotency makes the next attempt report duplicates instead of creating anything again.
 */
@Component(service = {}, configurationPid = WatchedFolder.FACTORY_PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = WatchedFolderConfiguration.class, factory = true)
public class WatchedFolder {

    static final String FACTORY_PID = "org.partnerfinance.connectors.watch";
    static final String PROCESSED = "processed";
    static final String FAILED = "failed";

    private static final Logger LOG = LoggerFactory.getLogger(WatchedFolder.class);

    private final ImportService imports;
    private final String connector;
    private final Path folder;
    private final PathMatcher pattern;
    private final Caller caller;
    /** Size and modification time of each candidate at the previous scan: a file is taken when they stay the same. */
    private final Map<Path, String> lastSeen = new HashMap<>();
    private final ScheduledExecutorService executor;
    /** The connector was missing at the last scan (logged once per absence, not at every scan). */
    private boolean waitingForConnector;

    @Activate
    public WatchedFolder(@Reference(name = "imports") ImportService imports, WatchedFolderConfiguration config) {
        this(imports, config, true);
    }

    /** For tests: {@code schedule == false} leaves the scans to the test ({@link #scan()}). */
    WatchedFolder(ImportService imports, WatchedFolderConfiguration config, boolean schedule) {
        this.imports = imports;
        this.connector = require(config.connector(), "connector");
        Path configured = Path.of(require(config.folder(), "folder"));
        this.folder = configured.isAbsolute() ? configured
                : Path.of(System.getProperty("karaf.home", ".")).resolve(configured);
        this.pattern = folder.getFileSystem().getPathMatcher("glob:" + (config.pattern() == null
                || config.pattern().isBlank() ? "*" : config.pattern().trim()));
        // the audit trail names the folder as the actor: an integrator set it up, nobody typed the import
        this.caller = new Caller("folder:" + folder, "Watched folder " + folder, EnumSet.of(Role.INTEGRATOR), null);
        try {
            Files.createDirectories(folder.resolve(PROCESSED));
            Files.createDirectories(folder.resolve(FAILED));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create the watched folder " + folder + ": " + e.getMessage(), e);
        }
        if (schedule) {
            executor = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "pf-watched-folder-" + connector);
                t.setDaemon(true);
                return t;
            });
            int interval = Math.max(1, config.interval_seconds());
            executor.scheduleWithFixedDelay(this::scanSafely, interval, interval, TimeUnit.SECONDS);
            LOG.info("Watching {} for {} files to import with connector {}, every {} s", folder,
                    config.pattern(), connector, interval);
        } else {
            executor = null;
        }
    }

    private static String require(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("A watched folder needs '" + name + "'");
        }
        return value.trim();
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        if (executor != null) {
            executor.shutdownNow();
            if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("The watched folder {} did not stop within 30 seconds", folder);
            }
        }
    }

    Path folder() {
        return folder;
    }

    /** One scan; never throws, so that a failure does not cancel the schedule. */
    private void scanSafely() {
        try {
            scan();
        } catch (RuntimeException | IOException e) {
            LOG.error("Scanning the watched folder {} failed: {}", folder, e.getMessage(), e);
        }
    }

    /**
     * Looks at the folder once: imports every matching file whose size and modification time are those of the
     * previous scan, in name order.
     *
     * @return how many files were imported (completed or failed)
     */
    synchronized int scan() throws IOException {
        Map<Path, String> seen = new HashMap<>();
        List<Path> ready = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (name.startsWith(".") || name.endsWith(".tmp") || name.endsWith(".part")
                        || !pattern.matches(file.getFileName())) {
                    continue;
                }
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                if (!attributes.isRegularFile()) {
                    continue;
                }
                String state = attributes.size() + "@" + attributes.lastModifiedTime().toMillis();
                seen.put(file, state);
                if (state.equals(lastSeen.get(file))) {
                    ready.add(file);
                }
            }
        }
        lastSeen.clear();
        lastSeen.putAll(seen);
        ready.sort(null);
        int imported = 0;
        for (Path file : ready) {
            if (!importFile(file)) {
                break; // the connector is not there: the other files wait too
            }
            lastSeen.remove(file);
            imported++;
        }
        return imported;
    }

    /** Imports one file and moves it aside; false when the connector is not installed or switched off. */
    private boolean importFile(Path file) throws IOException {
        ImportRun run;
        try (InputStream in = Files.newInputStream(file)) {
            run = imports.run(caller, connector, file.getFileName().toString(), in, (bytes, documents) -> { });
        } catch (UnknownConnectorException e) {
            if (!waitingForConnector) {
                LOG.warn("Files in {} wait: {}", folder, e.getMessage());
                waitingForConnector = true;
            }
            return false;
        }
        waitingForConnector = false;
        Path target = folder.resolve(run.status() == RunStatus.FAILED ? FAILED : PROCESSED);
        String name = run.id() + "-" + file.getFileName();
        Files.write(target.resolve(name + ".run.txt"), report(run));
        Files.move(file, target.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        if (run.status() == RunStatus.FAILED) {
            LOG.warn("Import of {} from {} failed (run {}): {}", file.getFileName(), folder, run.id(), run.failure());
        } else {
            LOG.info("Imported {} from {} (run {}): {} created, {} duplicates, {} rejected", file.getFileName(),
                    folder, run.id(), run.created(), run.duplicates(), run.rejected().size());
        }
        return true;
    }

    private static byte[] report(ImportRun run) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            RunSummary.print(run, out);
        }
        return bytes.toByteArray();
    }
}
