package org.partnerfinance.connectors.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.io.input.TeeInputStream;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.CollectionType;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.partnerfinance.audit.api.AuditEvent;
import org.partnerfinance.audit.api.AuditTrail;
import org.partnerfinance.connectors.api.ConnectorDirection;
import org.partnerfinance.connectors.api.ConnectorInfo;
import org.partnerfinance.connectors.api.ImportConnector;
import org.partnerfinance.connectors.api.ImportFormatException;
import org.partnerfinance.connectors.api.ImportLimitException;
import org.partnerfinance.connectors.api.ImportProgress;
import org.partnerfinance.connectors.api.ImportRun;
import org.partnerfinance.connectors.api.ImportService;
import org.partnerfinance.connectors.api.Preview;
import org.partnerfinance.connectors.api.ImportSource;
import org.partnerfinance.connectors.api.RunStatus;
import org.partnerfinance.documents.api.DocumentService;
import org.partnerfinance.extensions.api.FeatureToggles;
import org.partnerfinance.persistence.api.Jpa;
import org.partnerfinance.persistence.api.PersistenceException;
import org.partnerfinance.persistence.api.PersistenceService;
import org.partnerfinance.persistence.api.PersistenceUnitSpec;
import org.partnerfinance.persistence.api.UnitOfWork;
import org.partnerfinance.security.api.Access;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs import connectors on the {@code connectors} persistence unit and keeps the record of every run.
 *
 * <p>A run is written when it starts and completed when it ends, each in a unit of work of its own with its audit
 * record; in between, every document the connector hands over is stored all-or-nothing, in batches of documents
 * that commit together ({@link RunSink}), so a file that breaks off halfway keeps what was complete before and a
 * re-import reports that as duplicates. Connectors are whiteboard services tracked as they come and go; one is usable
 * while it is installed and its extension id is switched on.
 */
@Component(service = {ImportService.class, Originals.class}, configurationPid = ImportServiceImpl.PID)
@Designate(ocd = ConnectorsConfiguration.class)
public class ImportServiceImpl implements ImportService, Originals {

    static final String PID = "org.partnerfinance.connectors";
    static final String UNIT = "connectors";

    /** Who runs imports and reads runs: integrators load data, finance managers bank files, administrators help. */
    static final Role[] RUNNERS = {Role.INTEGRATOR, Role.FINANCE_MANAGER, Role.ADMINISTRATOR};

    private static final Logger LOG = LoggerFactory.getLogger(ImportServiceImpl.class);
    private static final int MAX_RECENT = 500;

    private final Jpa jpa;
    private final UnitOfWork unitOfWork;
    private final AuditTrail audit;
    private final DocumentService documents;
    private final Clock clock;
    private volatile long maxBytes;
    private volatile RunFiles runFiles;

    @Reference(name = "connectors", service = ImportConnector.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
            collectionType = CollectionType.TUPLE)
    volatile List<Map.Entry<Map<String, ?>, ImportConnector>> connectors = List.of();

    @Reference(name = "toggles", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile FeatureToggles toggles;

    @Activate
    public ImportServiceImpl(ConnectorsConfiguration config, BundleContext context,
            @Reference(name = "persistence") PersistenceService persistence,
            @Reference(name = "unitOfWork") UnitOfWork unitOfWork, @Reference(name = "audit") AuditTrail audit,
            @Reference(name = "documents") DocumentService documents) {
        this(persistence.open(new PersistenceUnitSpec(UNIT, context.getBundle(), List.of(), "db/connectors")),
                unitOfWork, audit, documents, Clock.systemUTC(), megabytes(config), runFiles(config));
        int interrupted = jdbcUnit(c -> RunStore.failInterrupted(c, now()));
        if (interrupted > 0) {
            LOG.warn("{} import run(s) were interrupted by the last stop of the portal and are marked failed",
                    interrupted);
        }
    }

    ImportServiceImpl(Jpa jpa, UnitOfWork unitOfWork, AuditTrail audit, DocumentService documents, Clock clock,
            long maxBytes, RunFiles runFiles) {
        this.jpa = jpa;
        this.unitOfWork = unitOfWork;
        this.audit = audit;
        this.documents = documents;
        this.clock = clock;
        this.maxBytes = maxBytes;
        this.runFiles = runFiles;
        purgeRunFiles();
    }

    @Modified
    void modified(ConnectorsConfiguration config) {
        maxBytes = megabytes(config);
        runFiles = runFiles(config);
        purgeRunFiles();
    }

    private static RunFiles runFiles(ConnectorsConfiguration config) {
        String configured = config.originals_folder() == null ? "" : config.originals_folder().strip();
        Path folder = configured.isEmpty()
                ? Path.of(System.getProperty("karaf.data", "data")).resolve("pf-imports")
                : Path.of(System.getProperty("karaf.home", ".")).resolve(configured);
        return new RunFiles(folder, config.keep_originals_days());
    }

    /** Removes kept files past their days; at start, on a configuration change, and after each run. */
    private void purgeRunFiles() {
        try {
            int removed = runFiles.purge(clock.instant());
            if (removed > 0) {
                LOG.info("Removed {} imported file(s) kept longer than {} days", removed, runFiles.keepDays());
            }
        } catch (IOException e) {
            LOG.warn("Could not remove old imported files: {}", e.getMessage(), e);
        }
    }

    @Deactivate
    void deactivate() {
        jpa.close();
    }

    private static long megabytes(ConnectorsConfiguration config) {
        if (config.max_file_mb() < 1) {
            throw new IllegalArgumentException("max.file.mb must be at least 1, not " + config.max_file_mb());
        }
        return config.max_file_mb() * 1024 * 1024;
    }

    @Override
    public List<ConnectorInfo> connectors(Caller caller) {
        Access.requireAnyRole(caller, RUNNERS);
        return connectors.stream()
                .map(e -> new ConnectorInfo(e.getValue().id(), e.getValue().name(), e.getValue().formats(),
                        ConnectorDirection.IMPORT, enabled(e.getKey())))
                .sorted(Comparator.comparing(ConnectorInfo::id))
                .toList();
    }

    @Override
    public ImportRun run(Caller caller, String connectorId, String fileName, InputStream content,
            ImportProgress progress) {
        Access.requireAnyRole(caller, RUNNERS);
        return run(caller, requireConnector(connectorId), fileName(fileName), content, progress, 0);
    }

    @Override
    public ImportRun retry(Caller caller, long runId, ImportProgress progress) {
        Access.requireAnyRole(caller, RUNNERS);
        ImportRun earlier = jdbcUnit(c -> RunStore.findRun(c, runId))
                .orElseThrow(() -> new IllegalArgumentException("There is no import run " + runId + "."));
        if (earlier.status() == RunStatus.RUNNING) {
            throw new IllegalArgumentException("Run " + runId + " is still running.");
        }
        ImportConnector connector = requireConnector(earlier.connector());
        Path file = runFiles.find(runId).orElseThrow(() -> new IllegalArgumentException("The file of run " + runId
                + " is no longer kept" + (runFiles.enabled() ? " (imported files are kept "
                        + runFiles.keepDays() + " days)." : ": the portal keeps no imported files "
                                + "(keep.originals.days = 0).")));
        try (InputStream in = Files.newInputStream(file)) {
            return run(caller, connector, earlier.fileName(), in, progress, runId);
        } catch (IOException e) {
            throw new UncheckedIOException("The file of run " + runId + " cannot be read: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<InputStream> runFile(Caller caller, long runId) throws IOException {
        Access.requireAnyRole(caller, RUNNERS);
        Optional<Path> file = runFiles.find(runId);
        return file.isPresent() ? Optional.of(Files.newInputStream(file.get())) : Optional.empty();
    }

    /**
     * One run: recorded, read by the connector through a metered stream (limit, count, hash), its file kept beside
     * it, finished and audited.
     *
     * @param retryOf the run this one retries, 0 for none
     */
    private ImportRun run(Caller caller, ImportConnector connector, String name, InputStream content,
            ImportProgress progress, long retryOf) {
        if (unitOfWork.active()) {
            // the run's documents commit in batches on a thread of their own: inside the caller's transaction they
            // would wait for the run record it has not committed
            throw new IllegalStateException("An import runs in units of work of its own; it cannot run inside one.");
        }
        Instant startedAt = now();
        long runId = unitOfWork.required(() -> {
            long id = jdbc(c -> RunStore.insertRun(c, connector.id(), name, caller.username(), startedAt));
            audit.append(new AuditEvent(caller.username(), "import.started", "import-run", Long.toString(id), "",
                    "connector=" + connector.id() + "; file=" + name + (retryOf > 0 ? "; retryOf=" + retryOf : "")));
            return id;
        });
        RunFiles keeping = runFiles;
        OutputStream copy = null;
        if (keeping.enabled()) {
            try {
                copy = keeping.create(runId);
            } catch (IOException e) {
                LOG.warn("The file of import run {} cannot be kept (no retry or download of it): {}", runId,
                        e.getMessage());
            }
        }
        MeteredStream stream = new MeteredStream(content, maxBytes);
        InputStream read = copy == null ? stream : new TeeInputStream(stream, copy, false);
        RunSink sink = new RunSink(this, caller, connector.id(), runId, stream,
                progress == null ? ImportProgress.NONE : progress);
        String failure = null;
        String sha256 = null;
        try {
            connector.read(source(name, read), sink);
            sha256 = stream.finishDigest();
        } catch (ImportFormatException | ImportLimitException e) {
            failure = e.getMessage();
        } catch (IOException e) {
            failure = "The file could not be read: " + e.getMessage();
        } catch (RuntimeException e) {
            LOG.error("Import run {} with connector {} failed", runId, connector.id(), e);
            failure = unexpected(e);
        }
        try {
            // the last batch of documents commits here, also when the connector stopped on an error
            sink.finish();
        } catch (RuntimeException e) {
            LOG.error("Import run {} with connector {}: storing its documents failed", runId, connector.id(), e);
            if (failure == null) {
                failure = unexpected(e);
            }
        }
        if (copy != null) {
            keepOriginal(keeping, runId, read, copy);
        }
        ImportRun run = new ImportRun(runId, connector.id(), failure == null ? RunStatus.COMPLETED : RunStatus.FAILED,
                name, sha256, stream.count(), caller.username(), startedAt, now(), sink.documents(), sink.created(),
                sink.duplicates(), sink.rejections(), failure == null ? null : RunStore.clip(failure, 1000));
        long rejectedCount = sink.rejectedCount();
        unitOfWork.required(() -> {
            jdbc(c -> {
                RunStore.finishRun(c, run, rejectedCount);
                return null;
            });
            audit.append(new AuditEvent(caller.username(),
                    run.status() == RunStatus.COMPLETED ? "import.completed" : "import.failed", "import-run",
                    Long.toString(runId), "status=RUNNING", describe(run, rejectedCount)));
            return null;
        });
        progress(progress, stream.count(), sink.documents());
        LOG.info("Import run {} ({}, {}): {}", runId, connector.id(), name, describe(run, rejectedCount));
        purgeRunFiles();
        return run;
    }

    private static String unexpected(RuntimeException e) {
        return "The import stopped on an unexpected error (" + e.getClass().getSimpleName()
                + "); the portal's log has the details. Documents stored before stay.";
    }

    /**
     * Keeps the run's file: what the connector left unread (it stops at the first error) is read through to the end,
     * within the size limit, so that a retry gets the whole file; a file over the limit or unreadable is not kept.
     */
    private static void keepOriginal(RunFiles keeping, long runId, InputStream read, OutputStream copy) {
        boolean whole;
        try (OutputStream closing = copy) {
            read.transferTo(OutputStream.nullOutputStream());
            whole = true;
        } catch (IOException e) {
            LOG.info("The file of import run {} is not kept: {}", runId, e.getMessage());
            whole = false;
        }
        try {
            if (whole) {
                keeping.keep(runId);
            } else {
                keeping.discard(runId);
            }
        } catch (IOException e) {
            LOG.warn("The file of import run {} could not be kept: {}", runId, e.getMessage());
            keeping.discard(runId);
        }
    }

    private static void progress(ImportProgress progress, long bytes, long documents) {
        if (progress != null) {
            progress.update(bytes, documents);
        }
    }

    @Override
    public Optional<Preview> preview(Caller caller, String connectorId, String fileName, InputStream content,
            int rows) {
        Access.requireAnyRole(caller, RUNNERS);
        ImportConnector connector = requireConnector(connectorId);
        MeteredStream stream = new MeteredStream(content, maxBytes);
        try {
            return connector.preview(source(fileName(fileName), stream), Math.max(1, Math.min(rows, 100)));
        } catch (ImportFormatException | IOException e) {
            return Optional.of(new Preview(List.of(), List.of(), List.of(e.getMessage())));
        }
    }

    @Override
    public Optional<ImportRun> find(Caller caller, long runId) {
        Access.requireAnyRole(caller, RUNNERS);
        return jdbcUnit(c -> RunStore.findRun(c, runId));
    }

    @Override
    public List<ImportRun> recent(Caller caller, String connectorId, int limit) {
        Access.requireAnyRole(caller, RUNNERS);
        int max = Math.max(1, Math.min(limit, MAX_RECENT));
        return jdbcUnit(c -> RunStore.recentRuns(c, connectorId, max));
    }

    // ---- for the sink ------------------------------------------------------------------------------------------

    /**
     * Whoever may see the document may download its original: the documents service answers whether the caller sees
     * it (another partner's document is as missing as one that does not exist).
     */
    @Override
    public Optional<Stored> forDocument(Caller caller, long documentId) {
        if (documents.find(caller, documentId).isEmpty()) {
            return Optional.empty();
        }
        return jdbcUnit(c -> RunStore.findOriginal(c, documentId));
    }

    UnitOfWork unitOfWork() {
        return unitOfWork;
    }

    DocumentService documents() {
        return documents;
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** JDBC on the current unit of work's connection (the caller is inside one). */
    <T> T jdbc(SqlWork<T> work) {
        return jpa.tx(em -> {
            try {
                return work.run(em.unwrap(Connection.class));
            } catch (SQLException e) {
                throw new PersistenceException("Import records: " + e.getMessage(), e);
            }
        });
    }

    /** JDBC in a unit of work of its own (or the current one). */
    <T> T jdbcUnit(SqlWork<T> work) {
        return unitOfWork.required(() -> jdbc(work));
    }

    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private ImportConnector requireConnector(String connectorId) {
        return Registered.require(connectors, ImportConnector::id, connectorId, "connector", "import with", toggles);
    }

    /** Whether the extension that contributed a connector is switched on; services without an extension id are. */
    private boolean enabled(Map<String, ?> properties) {
        return Registered.enabled(properties, toggles);
    }

    /** The name to record: the last part of what was given (never a path), at most 255 characters. */
    static String fileName(String given) {
        if (given == null || given.isBlank()) {
            return "upload";
        }
        String name = given.strip();
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(slash + 1);
        name = name.replaceAll("\\p{Cntrl}", "");
        return name.isBlank() ? "upload" : RunStore.clip(name, 255);
    }

    private static ImportSource source(String name, InputStream stream) {
        return new ImportSource() {
            @Override
            public String fileName() {
                return name;
            }

            @Override
            public InputStream stream() {
                return stream;
            }
        };
    }

    static String describe(ImportRun run, long rejectedCount) {
        return "status=" + run.status() + "; connector=" + run.connector() + "; file=" + run.fileName() + "; sha256="
                + run.sha256() + "; bytes=" + run.bytes() + "; documents=" + run.documents() + "; created="
                + run.created() + "; duplicates=" + run.duplicates() + "; rejected=" + rejectedCount
                + (run.failure() == null ? "" : "; failure=" + run.failure());
    }
}
