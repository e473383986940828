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
 * @param body          the request body, already limited in size; empty for requests without one
 * @param clientAddress the client's address, for throttling of failed tokens
 */
record ApiCall(String method, List<String> segments, Map<String, List<String>> parameters,
        Function<String, String> headers, byte[] body, String clientAddress) {

    ApiCall {
        segments = List.copyOf(segments);
        parameters = Map.copyOf(parameters);
        body = body == null ? new byte[0] : body;
    }

    Optional<String> header(String name) {
        return Optional.ofNullable(headers.apply(name));
    }
}
