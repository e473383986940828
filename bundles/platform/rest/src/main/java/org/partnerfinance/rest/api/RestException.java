package org.partnerfinance.rest.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An answer other than success, written as {@code {"code": "...", "message": "...", "field": "..."}} with the
 * status. The message is shown to API clients: it must be safe and useful to them.
 */
public class RestException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final String field;
    private final Map<String, Object> details = new LinkedHashMap<>();

    /**
     * @param status HTTP status, e.g. 404
     * @param code   stable machine-readable code, e.g. {@code not_found}
     * @param message text for the client
     * @param field  the offending input field for 400/422, or {@code null}
     */
    public RestException(int status, String code, String message, String field) {
        super(message);
        this.status = status;
        this.code = code;
        this.field = field;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** The offending input field, or {@code null}. */
    public String field() {
        return field;
    }

    /**
     * Adds a member to the error body beside {@code code} and {@code message}, e.g. {@code existing} naming the
     * record a duplicate collides with.
     */
    public RestException with(String name, Object value) {
        details.put(name, value);
        return this;
    }

    /** The further members of the error body. */
    public Map<String, Object> details() {
        return Map.copyOf(details);
    }

    /** 400: the request is malformed (not JSON, a parameter that is not a number). */
    public static RestException badRequest(String field, String message) {
        return new RestException(400, "bad_request", message, field);
    }

    /** 422: well-formed but invalid input. */
    public static RestException invalid(String field, String message) {
        return new RestException(422, "invalid", message, field);
    }

    /** 404: no such record, or one of another partner (the same answer). */
    public static RestException notFound(String message) {
        return new RestException(404, "not_found", message, null);
    }

    /** 409: a duplicate (the message names the existing record) or a conflicting change. */
    public static RestException conflict(String code, String message) {
        return new RestException(409, code, message, null);
    }

    /** 405: the path exists but not for this method. */
    public static RestException methodNotAllowed(String method) {
        return new RestException(405, "method_not_allowed", method + " is not supported here.", null);
    }

    /** 406: none of the formats in the request's Accept header can be produced. */
    public static RestException notAcceptable(String message) {
        return new RestException(406, "not_acceptable", message, null);
    }

    /** 501: the endpoint exists but what it needs is not installed. */
    public static RestException notImplemented(String message) {
        return new RestException(501, "not_implemented", message, null);
    }
}
