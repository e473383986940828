package org.partnerfinance.connectors.api;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.partnerfinance.security.api.Caller;

/**
 * Runs import connectors and keeps their record. Integrators, finance managers and administrators run imports and
 * read runs; everyone else is refused. Each run is audited when it starts and when it ends.
 */
@ProviderType
public interface ImportService {

    /** The installed connectors, switched on or off, by id. */
    List<ConnectorInfo> connectors(Caller caller);

    /**
     * Imports one file with a connector and returns the finished run (completed or failed: a file the connector
     * cannot read to its end is a failed run, not an exception). Reads the stream to its end or to the first error
     * without holding it in memory; does not close it.
     *
     * @throws UnknownConnectorException when no such connector is installed or it is switched off
     */
    ImportRun run(Caller caller, String connectorId, String fileName, InputStream content, ImportProgress progress);

    /**
     * The first rows of a file as the connector would read them, nothing imported; empty when the connector offers no
     * preview. A file it cannot read answers with the reason as the only problem.
     *
     * @throws UnknownConnectorException when no such connector is installed or it is switched off
     */
    Optional<Preview> preview(Caller caller, String connectorId, String fileName, InputStream content, int rows);

    /**
     * Imports the kept file of an earlier run again, with the same connector and file name, as a new run: after the
     * connector was fixed or reconfigured, or the partners a run rejected were created. What the earlier run created
     * is reported as duplicates, so a retry never creates anything twice.
     *
     * @throws IllegalArgumentException  when there is no such run, it is still running, or its file is no longer
     *                                   kept (the message says which)
     * @throws UnknownConnectorException when the run's connector is no longer installed or is switched off
     * @since 1.2
     */
    ImportRun retry(Caller caller, long runId, ImportProgress progress);

    /**
     * The file a run read, as it arrived, while the portal keeps it (a configured number of days); the caller closes
     * the stream. Empty for a run whose file is not kept (too old, over the size limit, or keeping is switched off).
     *
     * @since 1.2
     */
    Optional<InputStream> runFile(Caller caller, long runId) throws IOException;

    /** A run, if the caller may read runs. */
    Optional<ImportRun> find(Caller caller, long runId);

    /** The latest runs, newest first, of one connector or of all ({@code connectorId} null). */
    List<ImportRun> recent(Caller caller, String connectorId, int limit);
}
