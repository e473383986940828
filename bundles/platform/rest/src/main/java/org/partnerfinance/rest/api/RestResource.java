package org.partnerfinance.rest.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Endpoints under one path of {@code /api/v1}, e.g. {@code partners} for {@code /api/v1/partners} and
 * {@code /api/v1/partners/{id}}. Published as a service; the dispatcher picks resources up and drops them as they come
 * and go. Each path belongs to one resource (among several with the same path, the one with the highest service
 * ranking answers).
 *
 * <p>A resource never sees an unauthenticated request: the dispatcher answers those with 401 first. Answers are
 * plain objects (records, maps, lists, strings, numbers) that the dispatcher writes as JSON: {@code BigDecimal} as a
 * decimal string, {@code Money} as {@code {"amount":"123.45","currency":"EUR"}}, dates and instants in ISO-8601.
 * Exceptions become error answers: {@link RestException} as it says, {@code AccessDeniedException} 403,
 * {@code IllegalArgumentException} 422, anything else 500 with a reference in the log.
 */
@ConsumerType
public interface RestResource {

    /** In a path pattern (1.1), the segment that matches any one segment, e.g. an id. */
    String ANY_SEGMENT = "*";

    /**
     * The first path segment this resource answers, without slashes, e.g. {@code partners}. Lower case letters,
     * digits and '-' only.
     *
     * <p>Since 1.1 also a pattern of several segments separated by '/', where {@value #ANY_SEGMENT} matches any one
     * segment, e.g. {@code invoices/*}{@code /ubl}: a request whose segments match the pattern exactly goes to this
     * resource rather than to the resource of its first segment, so that another bundle can add one sub-resource
     * (such as a format of a document) to a path it does not own. {@link RestRequest#segments()} are then the
     * segments after the first, as always.
     */
    String path();

    /**
     * Answers one request whose first path segment is {@link #path()}.
     *
     * @throws RestException          for an answer other than success (404, 405, 409, 422, ...)
     * @throws IllegalArgumentException for invalid input (answered 422 with the message)
     */
    RestResponse handle(RestRequest request);

    /**
     * This resource's part of the OpenAPI 3 document, as a JSON object text with {@code paths} (relative to
     * {@code /api/v1}, e.g. {@code "/partners/{id}"}) and optionally {@code components.schemas}. The dispatcher merges
     * the parts of every resource into {@code /api/v1/openapi.json}; it provides the schemas {@code Error},
     * {@code Money} and the security scheme {@code bearer}.
     */
    String openApi();
}
