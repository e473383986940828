package org.partnerfinance.claims.api;

import java.io.IOException;

/**
 * An uploaded file went over its {@link AttachmentPolicy#maxBytes() size limit} while it was read; the rest of it was
 * not read.
 */
public class AttachmentTooLargeException extends IOException {

    private static final long serialVersionUID = 1L;

    private final long maxBytes;

    public AttachmentTooLargeException(long maxBytes) {
        super("The file is larger than the limit of " + maxBytes + " bytes.");
        this.maxBytes = maxBytes;
    }

    /** The limit the file went over. */
    public long maxBytes() {
        return maxBytes;
    }
}
