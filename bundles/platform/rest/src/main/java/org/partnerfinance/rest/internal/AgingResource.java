package org.partnerfinance.rest.internal;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.partnerfinance.documents.api.AgingRow;
import org.partnerfinance.documents.api.StatementService;
import org.partnerfinance.rest.api.RestException;
import org.partnerfinance.rest.api.RestRequest;
import org.partnerfinance.rest.api.RestResource;
import org.partnerfinance.rest.api.RestResponse;

/** {@code GET /api/v1/aging?currency=&asOf=}: receivables aging per partner (finance and administrators). */
@Component(service = RestResource.class)
public class AgingResource implements RestResource {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile StatementService statements;

    @Override
    public String path() {
        return "aging";
    }

    @Override
    public RestResponse handle(RestRequest request) {
        if (!request.segments().isEmpty()) {
            throw RestException.notFound("There is no such endpoint.");
        }
        if (!request.method().equals("GET")) {
            throw RestException.methodNotAllowed(request.method());
        }
        String currency = request.parameter("currency")
                .orElseThrow(() -> RestException.badRequest("currency", "currency is required, e.g. EUR."));
        LocalDate asOf = Params.date(request, "asOf").orElse(LocalDate.now(ZoneOffset.UTC));
        List<AgingRow> rows = DocumentErrors.call(() -> Unavailable.orThrow(statements).aging(request.caller(), currency, asOf));
        List<Map<String, Object>> items = rows.stream().map(r -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("partner", r.partnerId());
            row.put("partnerName", r.partnerName());
            row.put("currency", r.currency());
            row.putAll(StatementResource.aging(r.aging()));
            row.put("total", r.aging().total());
            return row;
        }).toList();
        return RestResponse.page(items, request.paging());
    }

    @Override
    public String openApi() {
        return Fragments.load("aging");
    }
}
