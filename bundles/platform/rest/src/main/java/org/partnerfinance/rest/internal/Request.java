package org.partnerfinance.rest.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.partnerfinance.rest.api.Paging;
import org.partnerfinance.rest.api.RestBody;
import org.partnerfinance.rest.api.RestException;
import org.partnerfinance.rest.api.RestRequest;
import org.partnerfinance.security.api.Caller;

/** The {@link RestRequest} a resource gets: the call after the resource's own path segment. */
final class Request implements RestRequest {

    private final ApiCall call;
    private final Caller caller;
    private final Json json;
    private RestBody body;

    Request(ApiCall call, Caller caller, Json json) {
        this.call = call;
        this.caller = caller;
        this.json = json;
    }

    @Override
    public Caller caller() {
        return caller;
    }

    @Override
    public String method() {
        return call.method();
    }

    @Override
    public List<String> segments() {
        return call.segments().subList(1, call.segments().size());
    }

    @Override
    public Optional<String> parameter(String name) {
        List<String> values = call.parameters().get(name);
        if (values == null || values.isEmpty() || values.get(0) == null || values.get(0).isBlank()) {
            return Optional.empty();
        }
        return Optional.of(values.get(0).strip());
    }

    @Override
    public Optional<String> header(String name) {
        return call.header(name);
    }

    @Override
    public boolean accepts(String mediaType) {
        String accept = call.header("Accept").orElse("");
        String wanted = mediaType.toLowerCase(Locale.ROOT);
        for (String part : accept.split(",")) {
            String type = part.split(";")[0].strip().toLowerCase(Locale.ROOT);
            if (type.equals(wanted)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public java.io.InputStream stream() {
        return call.body().stream();
    }

    @Override
    public RestBody body() {
        if (body == null) {
            body = new RestBody(json.readObject(call.body().json()));
        }
        return body;
    }

    @Override
    public Paging paging() {
        return new Paging(number("page", 1), number("size", Paging.DEFAULT_SIZE));
    }

    private int number(String name, int fallback) {
        Optional<String> value = parameter(name);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.get());
        } catch (NumberFormatException e) {
            throw RestException.badRequest(name, name + " must be a whole number.");
        }
    }
}
