package org.partnerfinance.rest.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.partnerfinance.rest.api.RestException;
import org.partnerfinance.rest.api.RestResource;
import org.partnerfinance.rest.api.RestResponse;
import org.partnerfinance.security.api.ApiTokens;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.TokenAuthentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes an {@link ApiCall}: {@code openapi.json} for anyone, everything else only with a valid bearer token, to the
 * {@link RestResource} of the first path segment; writes the answer or the error as JSON.
 */
final class Dispatcher {

    static final String OPENAPI = "openapi.json";
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    private static final int MAX_AUTHORIZATION = 200;

    private final ApiTokens tokens;
    private final Supplier<List<RestResource>> resources;
    private final Json json;

    Dispatcher(ApiTokens tokens, Supplier<List<RestResource>> resources, Json json) {
        this.tokens = tokens;
        this.resources = resources;
        this.json = json;
    }

    ApiAnswer dispatch(ApiCall call) {
        String first = call.segments().isEmpty() ? "" : call.segments().get(0);
        if (first.equals(OPENAPI) && call.segments().size() == 1) {
            if (!call.method().equals("GET") && !call.method().equals("HEAD")) {
                return error(RestException.methodNotAllowed(call.method()), Map.of("Allow", "GET"));
            }
            return json(200, OpenApi.document(json, resources.get()), Map.of());
        }
        Map<String, String> challenge = Map.of("WWW-Authenticate", "Bearer realm=\"api\"");
        Optional<String> authorization = call.header("Authorization");
        if (authorization.isEmpty()) {
            // no database work for a request without credentials: it cannot guess anything
            return error(new RestException(401, "unauthorized", TokenAuthentication.INVALID_MESSAGE, null),
                    challenge);
        }
        TokenAuthentication auth = tokens.authenticate(bearer(authorization.get()), call.clientAddress());
        switch (auth.status()) {
            case AUTHENTICATED:
                break;
            case THROTTLED:
                return error(new RestException(429, "throttled", auth.message(), null),
                        Map.of("Retry-After", Long.toString(Math.max(1, auth.retryAfter().toSeconds()))));
            case PASSWORD_CHANGE_REQUIRED:
                return error(new RestException(403, "password_change_required", auth.message(), null), Map.of());
            default:
                return error(new RestException(401, "unauthorized", auth.message(), null),
                        Map.of("WWW-Authenticate", "Bearer realm=\"api\", error=\"invalid_token\""));
        }
        Caller caller = auth.caller().orElseThrow();
        Optional<RestResource> resource = route(call.segments());
        if (resource.isEmpty()) {
            return error(RestException.notFound("There is no endpoint /api/v1/" + String.join("/",
                    call.segments()) + "."), Map.of());
        }
        String what = call.method() + " /" + String.join("/", call.segments()) + " by " + caller.username();
        try {
            RestResponse response = resource.get().handle(new Request(call, caller, json));
            LOG.debug("REST {} -> {}", what, response.status());
            if (response.isFile()) {
                return new ApiAnswer(response.status(), response.contentType(), response.bytes(),
                        Map.of("Content-Disposition", "attachment; filename=\"" + safeName(response.filename())
                                + "\""));
            }
            return json(response.status(), response.body(), Map.of());
        } catch (RuntimeException e) {
            RestException mapped = Errors.map(e, what);
            LOG.debug("REST {} -> {} {}", what, mapped.status(), mapped.code());
            return error(mapped, Map.of());
        }
    }

    /**
     * The resource for a request: one whose path pattern matches all its segments, else the one of its first segment;
     * among several the last (highest ranked) one.
     */
    Optional<RestResource> route(List<String> segments) {
        String first = segments.isEmpty() ? "" : segments.get(0);
        RestResource byPattern = null;
        RestResource byFirst = null;
        for (RestResource r : resources.get()) {
            String path = r.path();
            if (path.indexOf('/') >= 0) {
                if (matches(path.split("/"), segments)) {
                    byPattern = r;
                }
            } else if (path.equals(first)) {
                byFirst = r;
            }
        }
        return Optional.ofNullable(byPattern != null ? byPattern : byFirst);
    }

    private static boolean matches(String[] pattern, List<String> segments) {
        if (pattern.length != segments.size()) {
            return false;
        }
        for (int i = 0; i < pattern.length; i++) {
            if (!pattern[i].equals(RestResource.ANY_SEGMENT) && !pattern[i].equals(segments.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** The token of an {@code Authorization: Bearer <token>} header; {@code null} for any other scheme. */
    static String bearer(String header) {
        if (header == null || header.length() > MAX_AUTHORIZATION) {
            return null;
        }
        String value = header.strip();
        if (value.length() < 7 || !value.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
            return null;
        }
        return value.substring(7).strip();
    }

    private ApiAnswer json(int status, Object body, Map<String, String> headers) {
        return new ApiAnswer(status, ApiAnswer.JSON, json.write(body), headers);
    }

    ApiAnswer error(RestException e, Map<String, String> headers) {
        return json(e.status(), Errors.body(e), new HashMap<>(headers));
    }

    /** A file name safe inside a quoted header value. */
    static String safeName(String name) {
        String cleaned = name.replaceAll("[^A-Za-z0-9._-]", "_");
        return cleaned.isEmpty() ? "download" : cleaned;
    }
}
