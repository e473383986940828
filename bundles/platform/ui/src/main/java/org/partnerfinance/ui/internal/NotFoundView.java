package org.partnerfinance.ui.internal;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;

import jakarta.servlet.http.HttpServletResponse;

/** Replaces Vaadin's not-found view (which can list routes): says the page does not exist or is switched off. */
@PageTitle("Page not found · " + MainLayout.APP_NAME)
public class NotFoundView extends ErrorPage implements HasErrorParameter<NotFoundException> {

    private static final long serialVersionUID = 1L;

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        show("Page not found", "This page does not exist or is not available at the moment.",
                SessionCaller.current().isPresent());
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
