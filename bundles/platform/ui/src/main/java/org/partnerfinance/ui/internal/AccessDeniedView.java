package org.partnerfinance.ui.internal;

import org.partnerfinance.security.api.AccessDeniedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.PageTitle;

import jakarta.servlet.http.HttpServletResponse;

/** Shown when a service or the shell refuses the caller: its message is written to be shown. */
@PageTitle("Not allowed · " + MainLayout.APP_NAME)
public class AccessDeniedView extends ErrorPage implements HasErrorParameter<AccessDeniedException> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(AccessDeniedView.class);

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        AccessDeniedException denied = parameter.getException();
        String message = parameter.hasCustomMessage() ? parameter.getCustomMessage()
                : denied == null || denied.getMessage() == null ? "You are not allowed to do this."
                        : denied.getMessage();
        LOG.info("Access to /{} denied: {}", event.getLocation().getPath(), message);
        show("Not allowed", message, SessionCaller.current().isPresent());
        return HttpServletResponse.SC_FORBIDDEN;
    }
}
