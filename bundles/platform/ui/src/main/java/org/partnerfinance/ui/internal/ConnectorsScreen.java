package org.partnerfinance.ui.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.partnerfinance.extensions.api.ExtensionRegistry;
import org.partnerfinance.extensions.api.FeatureToggles;
import org.partnerfinance.security.api.Access;
import org.partnerfinance.security.api.Role;
import org.partnerfinance.ui.api.Icon;
import org.partnerfinance.ui.api.MenuSection;
import org.partnerfinance.ui.api.Order;
import org.partnerfinance.ui.api.Roles;
import org.partnerfinance.ui.api.Screen;
import org.partnerfinance.ui.api.ScreenContext;
import org.partnerfinance.ui.api.ScreenPath;
import org.partnerfinance.ui.api.Section;
import org.partnerfinance.ui.api.Title;

import com.vaadin.flow.component.icon.VaadinIcon;

/**
 * The integrators' Connectors screen: which connector bundles are installed and in what state, and how to deploy and
 * configure one. Part of the platform like the Extensions screen, so it carries no {@code pf.extension.id}.
 */
@Component(service = Screen.class)
@ScreenPath(ConnectorsScreen.PATH)
@Title("Connectors")
@Icon(VaadinIcon.CONNECT)
@Section(MenuSection.INTEGRATION)
@Order(10)
@Roles({ Role.INTEGRATOR, Role.ADMINISTRATOR })
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
    public com.vaadin.flow.component.Component create(ScreenContext context) {
        Access.requireAnyRole(context.caller(), Role.INTEGRATOR, Role.ADMINISTRATOR);
        return ExtensionsView.connectors(registry, toggles, context);
    }
}
