package org.partnerfinance.documents.api;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;
import org.partnerfinance.security.api.Caller;

/**
 * Formats other than the PDF in which a document can be downloaded from its detail page (1.2), offered by other
 * bundles: the connectors core offers every installed document export connector (e.g. a receivable as a Peppol UBL
 * e-invoice). A provider authorizes as its own services do; the detail page only shows what it offers.
 */
@ConsumerType
public interface DocumentFormats {

    /**
     * The formats this caller may download this document in, in display order; empty when none applies. Called each
     * time the detail page is drawn, so it answers from what the provider holds, without reading files or writing.
     *
     * @param document a document the caller has just read through {@link DocumentService#find}
     */
    List<Format> offered(Caller caller, Document document);

    /**
     * The document written in one of the formats {@link #offered} it.
     *
     * @return empty when the document does not exist or the caller may not read it (another partner's document reads
     *         like a missing one)
     * @throws DocumentValidationException with the reason the document cannot be written in this format (field
     *                                     {@code format}), e.g. a company setting the format needs is missing
     */
    Optional<DocumentFile> write(Caller caller, String formatId, long documentId);

    /** A format: {@code id} as {@link #write} takes it, {@code name} as people read it. */
    record Format(String id, String name) {
    }

    /** A written document, as a download. */
    record DocumentFile(String fileName, String contentType, byte[] content) {
    }
}
