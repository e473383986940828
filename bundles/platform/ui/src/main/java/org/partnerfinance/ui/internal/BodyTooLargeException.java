package org.partnerfinance.ui.internal;

import java.io.IOException;

/** A request body went over the portal's request size limit while it was read; the rest is never read. */
final class BodyTooLargeException extends IOException {

    private static final long serialVersionUID = 1L;

    BodyTooLargeException(long limit) {
        super("The request is larger than the limit of " + limit + " bytes");
    }
}
