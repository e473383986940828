package org.partnerfinance.rest.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One HTTP request as the dispatcher needs it, apart from the servlet API (so that routing, authentication and error
 * mapping are tested without a server).
 *
 * @param method        HTTP method
 * @param segments      decoded path segments after {@code /api/v1}
 * @param parameters    query parameters
 * @param headers       header lookup by name (case-insensitive), {@code null} when absent
 * @param body          the request body, read only when a resource asks for it (after authentication)
 * @param clientAddress the client's address, for throttling of failed tokens
 */
record ApiCall(String method, List<String> segments, Map<String, List<String>> parameters,
        Function<String, String> headers, Body body, String clientAddress) {

    ApiCall {
        segments = List.copyOf(segments);
        parameters = Map.copyOf(parameters);
        body = body == null ? Body.of(new byte[0]) : body;
    }

    /** A call whose body is already in memory (tests, requests without a body). */
    ApiCall(String method, List<String> segments, Map<String, List<String>> parameters,
            Function<String, String> headers, byte[] body, String clientAddress) {
        this(method, segments, parameters, headers, Body.of(body == null ? new byte[0] : body), clientAddress);
    }

    /**
     * The body of a request, read at most once and only when a resource wants it: as JSON within the request size
     * limit, or as a stream (a file upload, which its resource limits itself).
     */
    interface Body {

        /** The whole body for JSON, refused with 413 beyond the request size limit and 415 when not JSON. */
        byte[] json();

        /** The raw body as it arrives. */
        java.io.InputStream stream();

        static Body of(byte[] bytes) {
            return new Body() {
                @Override
                public byte[] json() {
                    return bytes;
                }

                @Override
                public java.io.InputStream stream() {
                    return new java.io.ByteArrayInputStream(bytes);
                }
            };
        }
    }

    Optional<String> header(String name) {
        return Optional.ofNullable(headers.apply(name));
    }
}
