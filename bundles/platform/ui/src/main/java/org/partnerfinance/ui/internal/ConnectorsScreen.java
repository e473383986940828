package org.partnerfinance.ui.internal;

import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.partnerfinance.extensions.api.ExtensionRegistry;
import org.partnerfinance.extensions.api.FeatureToggles;
import org.partnerfinance.security.api.Access;
import org.partnerfinance.security.api.Role;
import org.partnerfinance.ui.api.MenuSection;
import org.partnerfinance.ui.api.Screen;
import org.partnerfinance.ui.api.ScreenContext;

/**
 * The integrators' Connectors screen: which connector bundles are installed and in what state, and how to deploy and
 * configure one. Part of the platform like the Extensions screen, so it carries no {@code pf.extension.id}.
 */
@Component(service = Screen.class)
public class ConnectorsScreen implements Screen {

    static final String PATH = "integration/connectors";

    private final ExtensionRegistry registry;
    private final FeatureToggles toggles;

    @Activate
    public ConnectorsScreen(@Reference ExtensionRegistry registry, @Reference FeatureToggles toggles) {
        this.registry = registry;
        this.toggles = toggles;
    }

    @Override
    public String path() {
        return PATH;
    }

    @Override
    public String title() {
        return "Connectors";
    }

    @Override
    public String icon() {
        return "CONNECT";
    }

    @Override
    public MenuSection section() {
        return MenuSection.INTEGRATION;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public Set<Role> roles() {
        return Set.of(Role.INTEGRATOR, Role.ADMINISTRATOR);
    }

    @Override
    public com.vaadin.flow.component.Component create(ScreenContext context) {
        Access.requireAnyRole(context.caller(), Role.INTEGRATOR, Role.ADMINISTRATOR);
        return ExtensionsView.connectors(registry, toggles, context);
    }
}
