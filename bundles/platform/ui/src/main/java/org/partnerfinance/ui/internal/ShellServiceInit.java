package org.partnerfinance.ui.internal;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;

/**
 * Wires the shell into every new session and UI of the portal's Vaadin service: the error handler, the sign-in
 * guard, what an expired session looks like ({@link SessionExpiry}) and the bootstrap page's script nonce
 * ({@link CspNonce}). Run by Vaadin while the service initialises ({@link PortalServletService#createInstantiator}),
 * so that listeners of the page itself take effect.
 */
final class ShellServiceInit implements VaadinServiceInitListener {

    private static final long serialVersionUID = 1L;

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(e -> e.getSession().setErrorHandler(new ShellErrorHandler()));
        event.getSource().setSystemMessagesProvider(SessionExpiry.messages());
        event.addIndexHtmlRequestListener(new CspNonce());
        event.getSource().addUIInitListener(e -> {
            e.getUI().addBeforeEnterListener(new AuthGuard());
            e.getUI().addAfterNavigationListener(SessionExpiry::afterNavigation);
        });
    }
}
