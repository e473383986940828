package org.partnerfinance.ui.internal;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.shared.ui.Transport;
import com.vaadin.flow.theme.Theme;
import com.vaadin.flow.theme.lumo.Lumo;

/**
 * Page-wide settings of the portal: server push (menus, dashboards and statuses change in open browsers at once), the
 * Lumo theme as built into Vaadin's pre-compiled production bundle, and the page title. Push uses long polling: it
 * travels over the whiteboard servlet as plain HTTP (WebSocket would need Jetty's websocket bundles).
 * Registered by {@link PortalServlet} (no class path scanning in OSGi).
 */
@Push(transport = Transport.LONG_POLLING)
@Theme(themeClass = Lumo.class)
public class PortalAppShell implements AppShellConfigurator {

    private static final long serialVersionUID = 1L;

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.setPageTitle(MainLayout.APP_NAME);
    }
}
