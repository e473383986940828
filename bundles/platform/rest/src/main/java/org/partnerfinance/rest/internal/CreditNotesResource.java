package org.partnerfinance.rest.internal;

import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.partnerfinance.documents.api.DocumentKind;
import org.partnerfinance.documents.api.DocumentRenderer;
import org.partnerfinance.documents.api.DocumentService;
import org.partnerfinance.partner.api.PartnerService;
import org.partnerfinance.rest.api.RestRequest;
import org.partnerfinance.rest.api.RestResource;
import org.partnerfinance.rest.api.RestResponse;

/** {@code /api/v1/credit-notes}. */
@Component(service = RestResource.class)
public class CreditNotesResource implements RestResource {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile DocumentRenderer renderer;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile DocumentService documents;

    private final DocumentsResource resource;

    @Activate
    public CreditNotesResource(@Reference PartnerService partners) {
        this.resource = new DocumentsResource(DocumentKind.CREDIT_NOTE, "credit note", () -> Unavailable.orThrow(documents),
                partners, () -> Optional.ofNullable(renderer));
    }

    @Override
    public String path() {
        return "credit-notes";
    }

    @Override
    public RestResponse handle(RestRequest request) {
        return resource.handle(request);
    }

    @Override
    public String openApi() {
        return Fragments.load("documents").replace("{{path}}", "credit-notes").replace("{{what}}", "credit note")
                .replace("{{tag}}", "credit-notes");
    }
}
