package org.partnerfinance.rest.internal;

import java.time.Instant;
import java.util.Base64;
import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.partnerfinance.documents.api.Dispute;
import org.partnerfinance.documents.api.DisputeAttachment;
import org.partnerfinance.documents.api.DisputeDraft;
import org.partnerfinance.documents.api.DisputeService;
import org.partnerfinance.documents.api.DisputeStatus;
import org.partnerfinance.documents.api.DisputeSubject;
import org.partnerfinance.documents.api.Page;
import org.partnerfinance.ledger.api.Money;
import org.partnerfinance.rest.api.Paging;
import org.partnerfinance.rest.api.RestBody;
import org.partnerfinance.rest.api.RestException;
import org.partnerfinance.rest.api.RestRequest;
import org.partnerfinance.rest.api.RestResource;
import org.partnerfinance.rest.api.RestResponse;

/**
 * {@code /api/v1/disputes}: disputes (partner users: their own partner's), one dispute, and opening one about a
 * receivable invoice (partner users), optionally with a supporting file as Base64.
 */
@Component(service = RestResource.class)
public class DisputesResource implements RestResource {

    /** A dispute as the API shows it. */
    public record DisputeJson(long id, String partnerId, long documentId, String documentNumber, String subject,
            Integer lineNo, Money amount, String reason, String attachmentName, String status, String resolution,
            Long creditNoteId, String openedBy, Instant openedAt, String resolvedBy, Instant resolvedAt,
            long version) {

        static DisputeJson of(Dispute d) {
            return new DisputeJson(d.id(), d.partnerId(), d.documentId(), d.documentNumber(),
                    Params.spell(d.subject()), d.lineNo(), d.amount(), d.reason(), d.attachmentName(),
                    Params.spell(d.status()), d.resolution(), d.creditNoteId(), d.openedBy(), d.openedAt(),
                    d.resolvedBy(), d.resolvedAt(), d.version());
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile DisputeService disputes;

    private DisputeService disputes() {
        return Unavailable.orThrow(disputes);
    }

    @Override
    public String path() {
        return "disputes";
    }

    @Override
    public RestResponse handle(RestRequest request) {
        List<String> segments = request.segments();
        if (segments.isEmpty()) {
            return switch (request.method()) {
                case "GET" -> list(request);
                case "POST" -> RestResponse.created(DisputeJson.of(open(request)));
                default -> throw RestException.methodNotAllowed(request.method());
            };
        }
        if (segments.size() == 1) {
            if (!request.method().equals("GET")) {
                throw RestException.methodNotAllowed(request.method());
            }
            long id = Params.id(segments.get(0), "dispute");
            return RestResponse.ok(disputes().find(request.caller(), id).map(DisputeJson::of)
                    .orElseThrow(() -> RestException.notFound("There is no dispute " + segments.get(0) + ".")));
        }
        throw RestException.notFound("There is no such endpoint.");
    }

    private RestResponse list(RestRequest request) {
        Paging paging = request.paging();
        String partner = Params.partnerFilter(request, "partner").orElse(null);
        DisputeStatus status = Params.constant(request, DisputeStatus.class, "status").orElse(null);
        Page<Dispute> page = DocumentErrors.call(() -> disputes().list(request.caller(), partner, status,
                (int) Math.min(Integer.MAX_VALUE, paging.offset()), paging.size()));
        return RestResponse.page(page.items().stream().map(DisputeJson::of).toList(), page.total());
    }

    private Dispute open(RestRequest request) {
        RestBody body = request.body();
        long documentId = body.decimal("documentId").orElseThrow(() -> body.missing("documentId")).longValue();
        DisputeSubject subject = body.string("subject").map(s -> Params.constant(DisputeSubject.class, s, "subject"))
                .orElse(DisputeSubject.INVOICE);
        DisputeAttachment attachment = body.object("attachment").map(a -> {
            String name = a.requiredString("fileName");
            try {
                return new DisputeAttachment(name, null,
                        Base64.getMimeDecoder().decode(a.requiredString("contentBase64")));
            } catch (IllegalArgumentException e) {
                throw RestException.invalid(a.name("contentBase64"), "contentBase64 must be Base64.");
            }
        }).orElse(null);
        DisputeDraft draft = new DisputeDraft(documentId, subject, body.integer("lineNo").orElse(null),
                body.decimal("amount").orElse(null), body.string("reason").orElse(null), attachment);
        return DocumentErrors.call(() -> disputes().open(request.caller(), draft));
    }

    @Override
    public String openApi() {
        return Fragments.load("disputes");
    }
}
