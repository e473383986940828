package org.partnerfinance.connectors.ui.internal;

import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.partnerfinance.connectors.api.ImportService;
import org.partnerfinance.extensions.api.ExtensionConstants;
import org.partnerfinance.security.api.Role;
import org.partnerfinance.ui.api.MenuSection;
import org.partnerfinance.ui.api.Screen;
import org.partnerfinance.ui.api.ScreenContext;

/**
 * "Imports" (integration/imports): the installed import connectors, importing a file with a preview and a progress
 * bar, and the latest runs with their reports (the platform's "Connectors" screen tells how to deploy and configure
 * connector bundles). For integrators, finance managers and administrators (the roles the import
 * service accepts).
 */
@Component(service = Screen.class, property = {
        ExtensionConstants.EXTENSION_ID + "=" + ConnectorsScreen.EXTENSION_ID,
        ExtensionConstants.EXTENSION_KIND + "=screen",
        ExtensionConstants.EXTENSION_NAME + "=Imports",
        ExtensionConstants.EXTENSION_DETAIL + "=Imports: upload, preview and runs (/integration/imports)" })
public class ConnectorsScreen implements Screen {

    static final String EXTENSION_ID = "connectors-ui";

    /** Imports run here, one at a time per portal node, so that a large file never holds a request thread. */
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "pf-import-runner");
        t.setDaemon(true);
        return t;
    });

    @Reference
    private ImportService imports;

    @Deactivate
    void deactivate() {
        runner.shutdownNow();
    }

    @Override
    public String path() {
        return "integration/imports";
    }

    @Override
    public String title() {
        return "Imports";
    }

    @Override
    public String icon() {
        return "UPLOAD";
    }

    @Override
    public MenuSection section() {
        return MenuSection.INTEGRATION;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public Set<Role> roles() {
        return Set.of(Role.INTEGRATOR, Role.FINANCE_MANAGER, Role.ADMINISTRATOR);
    }

    @Override
    public com.vaadin.flow.component.Component create(ScreenContext context) {
        return new ConnectorsView(context, imports, runner);
    }
}
