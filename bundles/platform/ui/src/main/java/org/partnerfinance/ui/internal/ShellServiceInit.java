package org.partnerfinance.ui.internal;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;

/**
 * Wires the shell into every new session and UI of the portal's Vaadin service: the error handler and the sign-in
 * guard.
 */
final class ShellServiceInit implements VaadinServiceInitListener {

    private static final long serialVersionUID = 1L;

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(e -> e.getSession().setErrorHandler(new ShellErrorHandler()));
        event.getSource().addUIInitListener(e -> e.getUI().addBeforeEnterListener(new AuthGuard()));
    }
}
