package org.partnerfinance.documents.ui.internal.common;

import org.partnerfinance.documents.api.DocumentValidationException;
import org.partnerfinance.persistence.api.ConcurrentChangeException;
import org.partnerfinance.security.api.AccessDeniedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What a person reads when a service call fails: the service's own message, or a generic sentence. */
public final class Messages {

    private static final Logger LOG = LoggerFactory.getLogger(Messages.class);

    public static final String CONCURRENT_CHANGE = "Someone else changed this item at the same time. "
            + "The latest state is shown; please check it and try again.";
    public static final String UNEXPECTED = "The action could not be completed. Please try again; if it keeps "
            + "failing, contact the portal administrator.";

    private Messages() {
    }

    /**
     * Exceptions the services document carry messages written for people; anything else is logged and replaced by a
     * generic sentence, so that no internals reach the browser.
     */
    public static String of(RuntimeException e) {
        if (e instanceof ConcurrentChangeException) {
            return CONCURRENT_CHANGE;
        }
        if (e instanceof AccessDeniedException || e instanceof IllegalArgumentException) {
            String message = e.getMessage();
            return message == null || message.isBlank() ? UNEXPECTED : message;
        }
        LOG.warn("Unexpected failure in a documents screen", e);
        return UNEXPECTED;
    }

    /** The form field a validation failure names, or {@code null}. */
    public static String fieldOf(RuntimeException e) {
        return e instanceof DocumentValidationException v ? v.field() : null;
    }
}
