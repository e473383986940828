package org.partnerfinance.connectors.api;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.partnerfinance.security.api.Caller;

/**
 * Runs export connectors and keeps their record (1.2). Finance managers and integrators export; they, administrators
 * and finance reviewers read runs and download their files; everyone else is refused.
 *
 * <p>An export is one unit of work: the selected payments are checked, marked {@code SENT} (documents API 1.1) with
 * the order's id, the connector writes the file, and the run with its file and audit record is stored. Any refusal or
 * failure leaves none of it behind.
 */
@ProviderType
public interface ExportService {

    /** The installed export connectors, switched on or off, by id. */
    List<ConnectorInfo> connectors(Caller caller);

    /**
     * Exports payments to partners with a connector and returns the recorded run.
     *
     * @param paymentIds the payments, each once: all must be SCHEDULED payments to partners (direction PAYABLE) whose
     *                   partner has a valid IBAN on file, and have an end-to-end reference of at most 35 characters or
     *                   none (the portal assigns one)
     * @throws ExportRefusedException    naming every payment or partner at fault, or with the connector's reason;
     *                                   nothing is changed
     * @throws UnknownConnectorException when no such export connector is installed or it is switched off
     */
    ExportRun export(Caller caller, String connectorId, List<Long> paymentIds);

    /** A run, if the caller may read runs. */
    Optional<ExportRun> find(Caller caller, long runId);

    /** The latest runs, newest first, of one connector or of all ({@code connectorId} null). */
    List<ExportRun> recent(Caller caller, String connectorId, int limit);

    /** The file a run wrote, as it was handed out. */
    Optional<ExportRun.ExportFile> file(Caller caller, long runId);
}
