package org.partnerfinance.rest.internal;

import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.partnerfinance.documents.api.AllocationRequest;
import org.partnerfinance.documents.api.BankConfirmation;
import org.partnerfinance.documents.api.Direction;
import org.partnerfinance.documents.api.DocumentService;
import org.partnerfinance.documents.api.Page;
import org.partnerfinance.documents.api.Payment;
import org.partnerfinance.documents.api.PaymentDraft;
import org.partnerfinance.documents.api.PaymentMethod;
import org.partnerfinance.documents.api.PaymentQuery;
import org.partnerfinance.documents.api.PaymentStatus;
import org.partnerfinance.rest.api.Paging;
import org.partnerfinance.rest.api.RestBody;
import org.partnerfinance.rest.api.RestException;
import org.partnerfinance.rest.api.RestRequest;
import org.partnerfinance.rest.api.RestResource;
import org.partnerfinance.rest.api.RestResponse;

/**
 * {@code /api/v1/payments}: list, one payment, recording one (scheduled, reported by a source system, or confirmed
 * with the bank's reference) and {@code POST /payments/{id}/confirm} with the bank's reference and booking date.
 */
@Component(service = RestResource.class)
public class PaymentsResource implements RestResource {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile DocumentService documents;

    private DocumentService documents() {
        return Unavailable.orThrow(documents);
    }

    @Override
    public String path() {
        return "payments";
    }

    @Override
    public RestResponse handle(RestRequest request) {
        List<String> segments = request.segments();
        if (segments.isEmpty()) {
            return switch (request.method()) {
                case "GET" -> list(request);
                case "POST" -> RestResponse.created(DocumentJson.of(record(request)));
                default -> throw RestException.methodNotAllowed(request.method());
            };
        }
        long id = Params.id(segments.get(0), "payment");
        if (segments.size() == 1) {
            if (!request.method().equals("GET")) {
                throw RestException.methodNotAllowed(request.method());
            }
            return RestResponse.ok(DocumentJson.of(find(request, id, segments.get(0))));
        }
        if (segments.size() == 2 && segments.get(1).equals("confirm")) {
            if (!request.method().equals("POST")) {
                throw RestException.methodNotAllowed(request.method());
            }
            return RestResponse.ok(DocumentJson.of(confirm(request, id, segments.get(0))));
        }
        throw RestException.notFound("There is no such endpoint.");
    }

    private Payment find(RestRequest request, long id, String segment) {
        return documents().findPayment(request.caller(), id)
                .orElseThrow(() -> RestException.notFound("There is no payment " + segment + "."));
    }

    private RestResponse list(RestRequest request) {
        Paging paging = request.paging();
        PaymentQuery query = DocumentErrors.call(() -> new PaymentQuery(
                Params.partnerFilter(request, "partner").orElse(null),
                Params.constant(request, Direction.class, "direction").orElse(null),
                Params.constant(request, PaymentStatus.class, "status").orElse(null),
                Params.date(request, "from").orElse(null), Params.date(request, "to").orElse(null),
                (int) Math.min(Integer.MAX_VALUE, paging.offset()), paging.size()));
        Page<Payment> page = DocumentErrors.call(() -> documents().payments(request.caller(), query));
        return RestResponse.page(page.items().stream().map(DocumentJson::of).toList(), page.total());
    }

    private Payment record(RestRequest request) {
        RestBody body = request.body();
        List<AllocationRequest> allocations = new ArrayList<>();
        for (RestBody a : body.objects("allocations")) {
            long documentId = a.decimal("documentId").orElseThrow(() -> a.missing("documentId")).longValue();
            allocations.add(new AllocationRequest(documentId,
                    a.decimal("amount").orElseThrow(() -> a.missing("amount"))));
        }
        PaymentDraft draft = new PaymentDraft(body.string("partnerId").orElse(request.caller().partnerId()),
                body.string("direction").map(d -> Params.constant(Direction.class, d, "direction")).orElse(null),
                body.decimal("amount").orElse(null), body.string("currency").orElse(null),
                body.string("method").map(m -> Params.constant(PaymentMethod.class, m, "method"))
                        .orElse(PaymentMethod.BANK_TRANSFER),
                body.date("valueDate").orElse(null),
                body.string("status").map(s -> Params.constant(PaymentStatus.class, s, "status")).orElse(null),
                body.string("remittance").orElse(""), body.string("endToEndId").orElse(""),
                body.string("sourceSystem").orElse("api"), body.string("bankReference").orElse(null), allocations);
        return DocumentErrors.call(() -> documents().recordPayment(request.caller(), draft));
    }

    private Payment confirm(RestRequest request, long id, String segment) {
        RestBody body = request.body();
        BankConfirmation confirmation = new BankConfirmation(body.requiredString("bankReference"),
                body.date("bookingDate").orElseThrow(() -> body.missing("bookingDate")));
        long version = body.has("version") ? body.decimal("version").orElseThrow().longValue()
                : find(request, id, segment).version();
        return DocumentErrors.call(() -> documents().confirmPayment(request.caller(), id, version, confirmation));
    }

    @Override
    public String openApi() {
        return Fragments.load("payments");
    }
}
