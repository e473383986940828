package org.partnerfinance.connectors.internal.rest;

import java.util.List;

import org.partnerfinance.connectors.api.ExportRefusedException;
import org.partnerfinance.connectors.api.ExportRun;
import org.partnerfinance.connectors.api.ExportService;
import org.partnerfinance.connectors.api.UnknownConnectorException;
import org.partnerfinance.documents.api.DocumentKind;
import org.partnerfinance.documents.api.DocumentService;
import org.partnerfinance.rest.api.RestException;
import org.partnerfinance.rest.api.RestRequest;
import org.partnerfinance.rest.api.RestResponse;

/**
 * {@code GET /api/v1/invoices/{id}/ubl} and {@code GET /api/v1/credit-notes/{id}/ubl}: a receivable as a Peppol BIS
 * Billing 3.0 UBL document, written by the {@code peppol-ubl} document export connector. Finance gets it as a recorded
 * export; a partner's user gets their own receivable; another partner's id, a document of the other kind and a
 * missing one are 404. Sub-resources of the documents area's paths (REST API 1.1 path patterns).
 */
final class UblResource {

    static final String CONNECTOR = "peppol-ubl";

    private final DocumentKind kind;
    private final String what;
    private final ExportService exports;
    private final DocumentService documents;

    UblResource(DocumentKind kind, String what, ExportService exports, DocumentService documents) {
        this.kind = kind;
        this.what = what;
        this.exports = exports;
        this.documents = documents;
    }

    RestResponse handle(RestRequest request) {
        List<String> segments = request.segments();
        if (!request.method().equals("GET")) {
            throw RestException.methodNotAllowed(request.method());
        }
        long id;
        try {
            id = Long.parseLong(segments.get(0));
        } catch (NumberFormatException e) {
            throw RestException.notFound("There is no " + what + " " + segments.get(0) + ".");
        }
        RestException missing = RestException.notFound("There is no " + what + " " + id + ".");
        if (documents.find(request.caller(), id).filter(d -> d.kind() == kind).isEmpty()) {
            throw missing;
        }
        ExportRun.ExportFile file;
        try {
            file = exports.documentFile(request.caller(), CONNECTOR, id).orElseThrow(() -> missing);
        } catch (ExportRefusedException e) {
            throw RestException.invalid("id", String.join(" ", e.reasons()));
        } catch (UnknownConnectorException e) {
            throw RestException.notImplemented("Peppol UBL export is not available: " + e.getMessage());
        }
        return RestResponse.file(file.content(), file.contentType(), file.fileName());
    }
}
