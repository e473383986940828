package org.partnerfinance.ui.internal;

import java.util.Locale;
import java.util.UUID;

/** Short random ids that tie a message shown to a user to the log entry with the full exception. */
final class ErrorReference {

    private ErrorReference() {
    }

    static String create() {
        return UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }
}
