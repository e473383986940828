package org.partnerfinance.rest.internal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.partnerfinance.documents.api.Aging;
import org.partnerfinance.documents.api.DocumentRenderer;
import org.partnerfinance.documents.api.Statement;
import org.partnerfinance.documents.api.StatementService;
import org.partnerfinance.partner.api.Partner;
import org.partnerfinance.partner.api.PartnerService;
import org.partnerfinance.rest.api.RestException;
import org.partnerfinance.rest.api.RestRequest;
import org.partnerfinance.rest.api.RestResource;
import org.partnerfinance.rest.api.RestResponse;
import org.partnerfinance.security.api.AccessDeniedException;
import org.partnerfinance.security.api.Caller;

/**
 * {@code GET /api/v1/statement?partner=&currency=&asOf=}: the statement of account in the contract's shape (amounts
 * as decimal strings, positive = the partner owes the company, the aging buckets add up to {@code closing}); with
 * {@code Accept: text/csv} or {@code application/pdf} the download from the document renderer.
 */
@Component(service = RestResource.class)
public class StatementResource implements RestResource {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile DocumentRenderer renderer;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile StatementService statements;

    private final PartnerService partners;

    @Activate
    public StatementResource(@Reference PartnerService partners) {
        this.partners = partners;
    }

    @Override
    public String path() {
        return "statement";
    }

    @Override
    public RestResponse handle(RestRequest request) {
        if (!request.segments().isEmpty()) {
            throw RestException.notFound("There is no such endpoint.");
        }
        if (!request.method().equals("GET")) {
            throw RestException.methodNotAllowed(request.method());
        }
        Caller caller = request.caller();
        String partnerId = Params.partnerFilter(request, "partner")
                .orElseThrow(() -> RestException.badRequest("partner", "partner is required."));
        Partner partner = partner(caller, partnerId);
        String currency = request.parameter("currency").orElse(partner.defaultCurrency().getCurrencyCode());
        LocalDate asOf = Params.date(request, "asOf").orElse(LocalDate.now(java.time.ZoneOffset.UTC));
        LocalDate from = Params.date(request, "from").orElse(null);
        Statement statement = DocumentErrors.call(() -> Unavailable.orThrow(statements).statement(caller, partnerId, currency, from, asOf));
        boolean csv = request.accepts("text/csv");
        boolean pdf = request.accepts("application/pdf");
        if (csv || pdf) {
            DocumentRenderer r = Optional.ofNullable(renderer).orElseThrow(() -> RestException.notImplemented(
                    "Statement downloads are not installed in this portal (no document renderer is running); "
                            + "the statement is available as JSON."));
            String name = "statement-" + partnerId + "-" + currency + "-" + asOf;
            return csv ? RestResponse.file(r.statementCsv(statement), "text/csv; charset=utf-8", name + ".csv")
                    : RestResponse.file(r.statementPdf(statement, partner), "application/pdf", name + ".pdf");
        }
        return RestResponse.ok(json(statement));
    }

    /**
     * The partner the statement is for: 404 when it does not exist or the caller may not see it (the same answer).
     * Roles that may read statements but not partner master data get the bare partner.
     */
    private Partner partner(Caller caller, String partnerId) {
        try {
            return partners.find(caller, partnerId)
                    .orElseThrow(() -> RestException.notFound("There is no partner " + partnerId + "."));
        } catch (AccessDeniedException e) {
            throw RestException.notFound("There is no partner " + partnerId + ".");
        }
    }

    /** The contract's JSON of a statement. */
    static Map<String, Object> json(Statement s) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("partner", s.partnerId());
        body.put("currency", s.currency());
        body.put("from", s.from());
        body.put("asOf", s.asOf());
        body.put("opening", s.opening());
        body.put("closing", s.closing());
        List<Map<String, Object>> lines = s.lines().stream().map(l -> {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("date", l.date());
            line.put("kind", l.kind());
            line.put("number", l.number());
            line.put("debit", l.debit());
            line.put("credit", l.credit());
            line.put("balance", l.balance());
            return line;
        }).toList();
        body.put("lines", lines);
        body.put("aging", aging(s.aging()));
        return body;
    }

    static Map<String, Object> aging(Aging a) {
        Map<String, Object> aging = new LinkedHashMap<>();
        aging.put("unapplied", a.unapplied());
        aging.put("current", a.current());
        aging.put("1-30", a.days1to30());
        aging.put("31-60", a.days31to60());
        aging.put("61-90", a.days61to90());
        aging.put("91-120", a.days91to120());
        aging.put("120+", a.over120());
        return aging;
    }

    @Override
    public String openApi() {
        return Fragments.load("statement");
    }
}
