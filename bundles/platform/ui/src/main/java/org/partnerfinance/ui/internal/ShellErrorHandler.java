package org.partnerfinance.ui.internal;

import org.partnerfinance.security.api.AccessDeniedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;

/**
 * Errors outside navigation (a button's listener, a {@code UI.access} task): an {@link AccessDeniedException} shows its
 * message; anything else is logged under a reference id and the user sees "Something went wrong" with that id.
 */
final class ShellErrorHandler implements ErrorHandler {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ShellErrorHandler.class);

    @Override
    public void error(ErrorEvent event) {
        Throwable throwable = event.getThrowable();
        AccessDeniedException denied = accessDenied(throwable);
        String message;
        if (denied != null) {
            LOG.info("Access denied: {}", denied.getMessage());
            message = denied.getMessage() == null ? "You are not allowed to do this." : denied.getMessage();
        } else if (cause(throwable, BodyTooLargeException.class) != null) {
            // the request size limit cut a request off (already logged by the filter): not a fault of the portal
            LOG.info("Request cut off: {}", throwable.getMessage());
            message = "The request was too large and was not accepted.";
        } else {
            String reference = ErrorReference.create();
            LOG.error("Unexpected error [reference {}]", reference, throwable);
            message = "Something went wrong (reference " + reference + ").";
        }
        if (UI.getCurrent() != null) {
            ShellScreenContext.show(message, true);
        }
    }

    /** The first {@link AccessDeniedException} in the cause chain, or null. */
    static AccessDeniedException accessDenied(Throwable throwable) {
        return cause(throwable, AccessDeniedException.class);
    }

    /** The first throwable of a type in the cause chain, or null. */
    static <T extends Throwable> T cause(Throwable throwable, Class<T> type) {
        Throwable t = throwable;
        for (int depth = 0; t != null && depth < 20; depth++, t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
