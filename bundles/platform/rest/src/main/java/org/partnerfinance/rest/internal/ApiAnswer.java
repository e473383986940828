package org.partnerfinance.rest.internal;

import java.util.Map;

/**
 * What the dispatcher answers: status, content type, body bytes and further headers (the security headers every
 * answer carries are added by the servlet).
 */
record ApiAnswer(int status, String contentType, byte[] body, Map<String, String> headers) {

    static final String JSON = "application/json; charset=utf-8";

    ApiAnswer {
        headers = Map.copyOf(headers);
    }
}
