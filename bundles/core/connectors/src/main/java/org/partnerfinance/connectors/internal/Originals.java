package org.partnerfinance.connectors.internal;

import java.util.Optional;

import org.partnerfinance.security.api.Caller;

/**
 * The original form of imported documents (e.g. one Peppol invoice's XML), as the sink kept it beside the document.
 * Internal to this bundle: published by the import service for the bundle's own REST resource, not exported.
 */
public interface Originals {

    /** A stored original. */
    record Stored(String fileName, String contentType, byte[] content) {
        public Stored {
            content = content.clone();
        }

        @Override
        public byte[] content() {
            return content.clone();
        }
    }

    /**
     * The original of a document, if a connector created it with one and the caller may see the document (a partner's
     * user sees its own partner's only, as in the documents service).
     */
    Optional<Stored> forDocument(Caller caller, long documentId);
}
