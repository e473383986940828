package org.partnerfinance.connectors.internal.rest;

import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.partnerfinance.connectors.internal.Originals;
import org.partnerfinance.rest.api.RestException;
import org.partnerfinance.rest.api.RestRequest;
import org.partnerfinance.rest.api.RestResource;
import org.partnerfinance.rest.api.RestResponse;

/**
 * {@code GET /api/v1/originals/{document-id}}: the file a connector imported the document from (e.g. the Peppol UBL
 * invoice's XML), as it came, to whoever may see the document. A document without one, or one the caller may not see,
 * is 404.
 */
@Component(service = RestResource.class)
public class OriginalsResource implements RestResource {

    private final Originals originals;

    @Activate
    public OriginalsResource(@Reference Originals originals) {
        this.originals = originals;
    }

    @Override
    public String path() {
        return "originals";
    }

    @Override
    public RestResponse handle(RestRequest request) {
        List<String> segments = request.segments();
        if (segments.size() != 1) {
            throw RestException.notFound("There is no such endpoint.");
        }
        if (!request.method().equals("GET")) {
            throw RestException.methodNotAllowed(request.method());
        }
        long documentId;
        try {
            documentId = Long.parseLong(segments.get(0));
        } catch (NumberFormatException e) {
            throw RestException.notFound("There is no such document.");
        }
        Originals.Stored stored = originals.forDocument(request.caller(), documentId).orElseThrow(() ->
                RestException.notFound("Document " + documentId + " has no imported original."));
        return RestResponse.file(stored.content(), stored.contentType(), stored.fileName());
    }

    @Override
    public String openApi() {
        return Fragments.load("originals");
    }
}
