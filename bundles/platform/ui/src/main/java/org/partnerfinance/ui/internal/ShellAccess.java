package org.partnerfinance.ui.internal;

import com.vaadin.flow.server.VaadinContext;
import com.vaadin.flow.server.VaadinService;

/**
 * How Vaadin-instantiated views reach the {@link PortalShell} component: the servlet stores it in its
 * {@link VaadinContext} when it starts, so every view of that servlet finds the same component instance.
 */
final class ShellAccess {

    private ShellAccess() {
    }

    static void install(VaadinContext context, PortalShell shell) {
        context.setAttribute(PortalShell.class, shell);
    }

    /**
     * The shell of the current Vaadin service.
     *
     * @throws IllegalStateException outside a Vaadin request or {@code UI.access} task, or when the shell is not running
     */
    static PortalShell shell() {
        VaadinService service = VaadinService.getCurrent();
        if (service == null) {
            throw new IllegalStateException("No Vaadin service is bound to this thread");
        }
        PortalShell shell = service.getContext().getAttribute(PortalShell.class);
        if (shell == null) {
            throw new IllegalStateException("The portal shell is not running");
        }
        return shell;
    }
}
