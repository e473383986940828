package org.partnerfinance.rest.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.partnerfinance.persistence.api.ConcurrentChangeException;
import org.partnerfinance.rest.api.RestException;
import org.partnerfinance.security.api.AccessDeniedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps what a resource throws to the API's error answers. Services say "not yours" with an empty result (which the
 * resources turn into 404, the same as a missing record) and "not allowed for your role" with
 * {@link AccessDeniedException} (403). Invalid input is 422; a concurrent change or a state that forbids the step is
 * 409; anything else is a fault of the portal: 500 with a reference that is in the log with the stack trace, which
 * never reaches the client.
 */
final class Errors {

    private static final Logger LOG = LoggerFactory.getLogger(Errors.class);

    private Errors() {
    }

    static RestException map(RuntimeException e, String what) {
        if (e instanceof RestException r) {
            return r;
        }
        if (e instanceof AccessDeniedException) {
            return new RestException(403, "forbidden", e.getMessage(), null);
        }
        if (e instanceof ConcurrentChangeException) {
            return RestException.conflict("conflict", e.getMessage());
        }
        if (e instanceof IllegalArgumentException) {
            return RestException.invalid(null, message(e, "The request is not valid."));
        }
        if (e instanceof IllegalStateException) {
            return RestException.conflict("conflict", message(e, "This cannot be done in the record's state."));
        }
        String reference = UUID.randomUUID().toString().substring(0, 8);
        LOG.error("REST {} failed [reference {}]", what, reference, e);
        return new RestException(500, "internal_error",
                "The portal could not answer this request (reference " + reference + ").", null);
    }

    /** The error body: {@code {"code","message"}} and {@code field} when there is one. */
    static Map<String, Object> body(RestException e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", e.code());
        body.put("message", e.getMessage() == null ? "" : e.getMessage());
        if (e.field() != null) {
            body.put("field", e.field());
        }
        e.details().forEach(body::putIfAbsent);
        return body;
    }

    private static String message(RuntimeException e, String fallback) {
        return e.getMessage() == null || e.getMessage().isBlank() ? fallback : e.getMessage();
    }
}
