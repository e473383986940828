package org.partnerfinance.connectors.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.partnerfinance.connectors.api.ImportConnector;
import org.partnerfinance.connectors.api.ImportService;
import org.partnerfinance.documents.internal.DocumentsHarness;
import org.partnerfinance.persistence.api.Jpa;
import org.partnerfinance.persistence.api.PersistenceUnitSpec;
import org.partnerfinance.persistence.internal.TestPersistence;

/**
 * The real import service over the real documents, ledger, partner and audit services on one database, for the
 * connectors' database tests and benchmarks (other modules use it through this module's test-jar): the service is
 * wired by its package-private constructor, as DS would wire it, with the connectors the caller adds.
 */
public final class ImportHarness implements AutoCloseable {

    public final DocumentsHarness core;
    private final Jpa jpa;
    private final ImportServiceImpl imports;
    private final List<ImportConnector> added = new ArrayList<>();

    /**
     * @param etc       Karaf's etc/ folder (the audit trail keeps its signing key there)
     * @param originals where imported files are kept, as the portal keeps them ({@code keepDays} 0: none)
     */
    public ImportHarness(TestPersistence db, Path etc, Path originals, int keepDays, Clock clock) {
        core = new DocumentsHarness(db, etc, clock);
        jpa = db.persistenceService().open(new PersistenceUnitSpec(ImportServiceImpl.UNIT,
                TestPersistence.bundleOf(ImportServiceImpl.class), List.of(), "db/connectors"));
        imports = new ImportServiceImpl(jpa, db.unitOfWork(), core.audit, core.documents, clock,
                1024L * 1024 * 1024, new RunFiles(originals, keepDays));
    }

    /** Installs a connector (switched on: it carries no extension id). */
    public ImportHarness add(ImportConnector connector) {
        added.add(connector);
        imports.connectors = added.stream().map(c -> Map.<Map<String, ?>, ImportConnector>entry(Map.of(), c))
                .toList();
        return this;
    }

    public ImportService imports() {
        return imports;
    }

    @Override
    public void close() {
        jpa.close();
    }
}
