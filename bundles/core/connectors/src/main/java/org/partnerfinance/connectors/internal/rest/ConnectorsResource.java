package org.partnerfinance.connectors.internal.rest;

import java.util.List;
import java.util.Locale;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.partnerfinance.connectors.api.ExportService;
import org.partnerfinance.connectors.api.ImportService;
import org.partnerfinance.rest.api.RestException;
import org.partnerfinance.rest.api.RestRequest;
import org.partnerfinance.rest.api.RestResource;
import org.partnerfinance.rest.api.RestResponse;

/**
 * {@code GET /api/v1/connectors}: the installed connectors ({@code id, name, formats, direction, enabled}), import
 * connectors first, then export connectors.
 */
@Component(service = RestResource.class)
public class ConnectorsResource implements RestResource {

    /** A connector as the API lists it; {@code direction} is {@code import} or {@code export}. */
    public record ConnectorJson(String id, String name, List<String> formats, String direction, boolean enabled) {
    }

    private final ImportService imports;
    private final ExportService exports;

    @Activate
    public ConnectorsResource(@Reference ImportService imports, @Reference ExportService exports) {
        this.imports = imports;
        this.exports = exports;
    }

    @Override
    public String path() {
        return "connectors";
    }

    @Override
    public RestResponse handle(RestRequest request) {
        if (!request.segments().isEmpty()) {
            throw RestException.notFound("There is no such endpoint.");
        }
        if (!request.method().equals("GET")) {
            throw RestException.methodNotAllowed(request.method());
        }
        List<ConnectorJson> all = java.util.stream.Stream.of(imports.connectors(request.caller()),
                        exports.connectors(request.caller()), exports.documentConnectors(request.caller()))
                .flatMap(List::stream)
                .map(c -> new ConnectorJson(c.id(), c.name(), c.formats(),
                        c.direction().name().toLowerCase(Locale.ROOT), c.enabled()))
                .toList();
        return RestResponse.page(all, request.paging());
    }

    @Override
    public String openApi() {
        return Fragments.load("connectors");
    }
}
