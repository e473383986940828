package org.partnerfinance.ui.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.PageTitle;

import jakarta.servlet.http.HttpServletResponse;

/** Replaces Vaadin's internal-error view: logs the exception under a reference id and shows only that id. */
@PageTitle("Something went wrong · " + MainLayout.APP_NAME)
public class ErrorView extends ErrorPage implements HasErrorParameter<Exception> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ErrorView.class);

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        String reference = ErrorReference.create();
        LOG.error("Showing /{} failed [reference {}]", event.getLocation().getPath(), reference,
                parameter.getCaughtException());
        show("Something went wrong", "The page could not be shown. If this keeps happening, tell your administrator "
                + "the reference " + reference + ".", SessionCaller.current().isPresent());
        return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }
}
