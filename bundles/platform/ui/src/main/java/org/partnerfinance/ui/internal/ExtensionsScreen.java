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
 * The administrators' Extensions screen, contributed through the same {@link Screen} extension point as every other
 * screen. It carries no {@code pf.extension.id}: it is part of the platform and cannot be switched off (which would
 * lock administrators out of the switches).
 */
@Component(service = Screen.class)
public class ExtensionsScreen implements Screen {

    static final String PATH = "admin/extensions";

    private final ExtensionRegistry registry;
    private final FeatureToggles toggles;

    @Activate
    public ExtensionsScreen(@Reference ExtensionRegistry registry, @Reference FeatureToggles toggles) {
        this.registry = registry;
        this.toggles = toggles;
    }

    @Override
    public String path() {
        return PATH;
    }

    @Override
    public String title() {
        return "Extensions";
    }

    @Override
    public String icon() {
        return "PLUG";
    }

    @Override
    public MenuSection section() {
        return MenuSection.ADMINISTRATION;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public Set<Role> roles() {
        return Set.of(Role.ADMINISTRATOR);
    }

    @Override
    public com.vaadin.flow.component.Component create(ScreenContext context) {
        Access.requireAnyRole(context.caller(), Role.ADMINISTRATOR);
        return ExtensionsView.all(registry, toggles, context);
    }
}
