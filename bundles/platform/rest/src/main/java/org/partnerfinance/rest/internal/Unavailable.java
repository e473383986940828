package org.partnerfinance.rest.internal;

import org.partnerfinance.rest.api.RestException;

/**
 * The answer of an endpoint whose service is not running (the documents area not installed or stopping): 503 with a
 * message that says so, instead of a 404 that would look like a wrong address. Their resources stay registered, so
 * the endpoints and their description exist whether or not the service is there at the moment.
 */
final class Unavailable {

    private Unavailable() {
    }

    static <T> T orThrow(T service) {
        if (service == null) {
            throw new RestException(503, "unavailable", "This part of the API is not available right now: the "
                    + "documents service of the portal is not running.", null);
        }
        return service;
    }
}
