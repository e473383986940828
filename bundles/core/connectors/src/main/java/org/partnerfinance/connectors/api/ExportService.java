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

    /** The installed export connectors of payment orders, switched on or off, by id. */
    List<ConnectorInfo> connectors(Caller caller);

    /** The installed document export connectors ({@link DocumentExportConnector}, 1.3), switched on or off, by id. */
    List<ConnectorInfo> documentConnectors(Caller caller);

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

    /**
     * Exports receivable invoices and credit notes with a document export connector (1.3) and returns the recorded
     * run. One document gives the connector's file (e.g. one UBL XML); several give one zip archive with one file per
     * document. Finance reviewers, finance managers and integrators export; partners never do. The run, its file and
     * its audit record are stored in one unit of work.
     *
     * @param documentIds the documents, each once: all must exist and be receivables (the company's own invoices and
     *                    credit notes to partners)
     * @throws ExportRefusedException    naming every document at fault, or with the connector's reason (e.g. the
     *                                   company's settings or the partner's master data the format needs); nothing
     *                                   is recorded
     * @throws UnknownConnectorException when no such document export connector is installed or it is switched off
     */
    ExportRun exportDocuments(Caller caller, String connectorId, List<Long> documentIds);

    /**
     * One receivable written by a document export connector for someone who may read it (1.3): finance and
     * integrators get it through {@link #exportDocuments} (recorded as a run); a partner's user gets their own
     * partner's receivable written for them, not recorded as an export (like downloading its PDF).
     *
     * @return empty when the document does not exist or the caller may not read it (another partner's document reads
     *         like a missing one)
     * @throws ExportRefusedException    when it is not a receivable or the connector refuses it, with the reason
     * @throws UnknownConnectorException when no such document export connector is installed or it is switched off
     */
    Optional<ExportRun.ExportFile> documentFile(Caller caller, String connectorId, long documentId);

    /** A run, if the caller may read runs. */
    Optional<ExportRun> find(Caller caller, long runId);

    /**
     * The latest runs, newest first, of one connector or of all ({@code connectorId} null); payment orders and (1.3)
     * document exports alike ({@link ExportRun#documentExport()} tells them apart).
     */
    List<ExportRun> recent(Caller caller, String connectorId, int limit);

    /** The file a run wrote, as it was handed out. */
    Optional<ExportRun.ExportFile> file(Caller caller, long runId);
}
