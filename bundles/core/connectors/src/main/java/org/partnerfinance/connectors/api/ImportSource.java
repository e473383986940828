package org.partnerfinance.connectors.api;

import java.io.InputStream;

import org.osgi.annotation.versioning.ProviderType;

/** The file of a run, as the core gives it to a connector. */
@ProviderType
public interface ImportSource {

    /** The file's name as the person or system gave it (for messages only; never a path to open). */
    String fileName();

    /**
     * The file's content, to be read once from start to end. Reading past the configured size limit throws
     * {@link ImportLimitException}. The core closes it.
     */
    InputStream stream();
}
