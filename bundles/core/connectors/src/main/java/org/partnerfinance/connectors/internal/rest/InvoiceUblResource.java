package org.partnerfinance.connectors.internal.rest;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.partnerfinance.connectors.api.ExportService;
import org.partnerfinance.documents.api.DocumentKind;
import org.partnerfinance.documents.api.DocumentService;
import org.partnerfinance.rest.api.RestRequest;
import org.partnerfinance.rest.api.RestResource;
import org.partnerfinance.rest.api.RestResponse;

/** {@code GET /api/v1/invoices/{id}/ubl}: a receivable invoice as Peppol BIS Billing 3.0 UBL. */
@Component(service = RestResource.class)
public class InvoiceUblResource implements RestResource {

    private final UblResource resource;

    @Activate
    public InvoiceUblResource(@Reference ExportService exports, @Reference DocumentService documents) {
        this.resource = new UblResource(DocumentKind.INVOICE, "invoice", exports, documents);
    }

    @Override
    public String path() {
        return "invoices/" + ANY_SEGMENT + "/ubl";
    }

    @Override
    public RestResponse handle(RestRequest request) {
        return resource.handle(request);
    }

    @Override
    public String openApi() {
        return Fragments.load("ubl").replace("{{path}}", "invoices").replace("{{what}}", "invoice");
    }
}
