package org.partnerfinance.rest.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.partnerfinance.documents.api.Direction;
import org.partnerfinance.documents.api.Document;
import org.partnerfinance.documents.api.DocumentDraft;
import org.partnerfinance.documents.api.DocumentKind;
import org.partnerfinance.documents.api.DocumentQuery;
import org.partnerfinance.documents.api.DocumentRenderer;
import org.partnerfinance.documents.api.DocumentService;
import org.partnerfinance.documents.api.DocumentStatus;
import org.partnerfinance.documents.api.LineDraft;
import org.partnerfinance.documents.api.Page;
import org.partnerfinance.partner.api.Partner;
import org.partnerfinance.partner.api.PartnerKind;
import org.partnerfinance.partner.api.PartnerService;
import org.partnerfinance.rest.api.Paging;
import org.partnerfinance.rest.api.RestBody;
import org.partnerfinance.rest.api.RestException;
import org.partnerfinance.rest.api.RestRequest;
import org.partnerfinance.rest.api.RestResponse;

/**
 * The endpoints of one kind of document ({@code invoices} or {@code credit-notes}): list with filters, one document,
 * its PDF, recording a new one. A document of the other kind, of another partner or that does not exist is the same
 * 404.
 */
final class DocumentsResource {

    static final String NO_RENDERER = "PDF rendering is not installed in this portal (no document renderer is "
            + "running); the document itself is available as JSON.";

    private final DocumentKind kind;
    private final String what;
    private final Supplier<DocumentService> documents;
    private final PartnerService partners;
    private final Supplier<Optional<DocumentRenderer>> renderer;

    DocumentsResource(DocumentKind kind, String what, Supplier<DocumentService> documents, PartnerService partners,
            Supplier<Optional<DocumentRenderer>> renderer) {
        this.kind = kind;
        this.what = what;
        this.documents = documents;
        this.partners = partners;
        this.renderer = renderer;
    }

    RestResponse handle(RestRequest request) {
        List<String> segments = request.segments();
        if (segments.isEmpty()) {
            return switch (request.method()) {
                case "GET" -> list(request);
                case "POST" -> RestResponse.created(DocumentJson.of(create(request)));
                default -> throw RestException.methodNotAllowed(request.method());
            };
        }
        if (!request.method().equals("GET")) {
            throw RestException.methodNotAllowed(request.method());
        }
        Document document = find(request, segments.get(0));
        if (segments.size() == 1) {
            return RestResponse.ok(DocumentJson.of(document));
        }
        if (segments.size() == 2 && segments.get(1).equals("pdf")) {
            DocumentRenderer r = renderer.get()
                    .orElseThrow(() -> RestException.notImplemented(NO_RENDERER));
            return RestResponse.file(r.documentPdf(document, partnerOf(request, document)), "application/pdf",
                    Params.spell(kind) + "-" + document.number() + ".pdf");
        }
        throw RestException.notFound("There is no such endpoint.");
    }

    private Document find(RestRequest request, String segment) {
        long id = Params.id(segment, what);
        return documents.get().find(request.caller(), id).filter(d -> d.kind() == kind)
                .orElseThrow(() -> RestException.notFound("There is no " + what + " " + segment + "."));
    }

    /**
     * The partner as the renderer prints it. Roles that may read documents but not partner master data (e.g.
     * integrators) get the document's own partner id and name on the PDF.
     */
    private Partner partnerOf(RestRequest request, Document document) {
        Optional<Partner> partner;
        try {
            partner = partners.find(request.caller(), document.partnerId());
        } catch (org.partnerfinance.security.api.AccessDeniedException e) {
            partner = Optional.empty();
        }
        return partner.orElseGet(() -> new Partner(document.partnerId(), document.partnerName(),
                PartnerKind.DISTRIBUTOR, document.gross().currency(), true));
    }

    private RestResponse list(RestRequest request) {
        Paging paging = request.paging();
        DocumentQuery query = DocumentErrors.call(() -> new DocumentQuery(
                Params.partnerFilter(request, "partner").orElse(null),
                Params.constant(request, Direction.class, "direction").orElse(null), kind,
                Params.constant(request, DocumentStatus.class, "status").orElse(null),
                Params.date(request, "from").orElse(null), Params.date(request, "to").orElse(null),
                request.parameter("q").orElse(null), null,
                Params.constant(request, DocumentQuery.Sort.class, "sort").orElse(DocumentQuery.Sort.ISSUE_DATE),
                request.parameter("order").map(o -> o.equalsIgnoreCase("asc")).orElse(false),
                (int) Math.min(Integer.MAX_VALUE, paging.offset()), paging.size()));
        Page<Document> page = DocumentErrors.call(() -> documents.get().search(request.caller(), query));
        return RestResponse.page(page.items().stream().map(DocumentJson::of).toList(), page.total());
    }

    private Document create(RestRequest request) {
        RestBody body = request.body();
        List<LineDraft> lines = new ArrayList<>();
        for (RestBody line : body.objects("lines")) {
            lines.add(new LineDraft(line.string("description").orElse(""),
                    line.decimal("quantity").orElse(BigDecimal.ONE),
                    line.decimal("unitPrice").orElseThrow(() -> line.missing("unitPrice")),
                    line.string("taxCategory").orElse("S"),
                    line.decimal("taxRate").orElse(BigDecimal.ZERO)));
        }
        String partner = body.string("partnerId").orElse(request.caller().partnerId());
        DocumentDraft draft = new DocumentDraft(partner,
                body.string("direction").map(d -> Params.constant(Direction.class, d, "direction")).orElse(null),
                kind, body.string("number").orElse(null), body.date("issueDate").orElse(null),
                body.date("dueDate").orElse(null), body.string("currency").orElse(null), lines,
                body.decimal("statedGross").orElse(null), body.string("creditedNumber").orElse(null),
                body.string("sourceSystem").orElse("api"), body.string("sourceReference").orElse(""));
        return DocumentErrors.call(() -> documents.get().create(request.caller(), draft));
    }
}
