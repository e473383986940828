package org.partnerfinance.connectors.api;

import java.io.IOException;

/** The file is larger than the size limit an administrator configured for imports; it was not read further. */
public class ImportLimitException extends IOException {

    private static final long serialVersionUID = 1L;

    private final long limit;

    public ImportLimitException(long limit) {
        super("The file is larger than the import limit of " + limit + " bytes.");
        this.limit = limit;
    }

    /** The limit in bytes. */
    public long limit() {
        return limit;
    }
}
