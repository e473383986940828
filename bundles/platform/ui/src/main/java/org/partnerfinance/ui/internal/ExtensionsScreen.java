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
 * The administrators' Extensions screen, contributed through the same {@link Screen} extension point as every other
 * screen. It carries no {@code pf.extension.id}: it is part of the platform and cannot be switched off (which would
 * lock administrators out of the switches).
 */
@Component(service = Screen.class)
@ScreenPath(ExtensionsScreen.PATH)
@Title("Extensions")
@Icon(VaadinIcon.PLUG)
@Section(MenuSection.ADMINISTRATION)
@Order(10)
@Roles({ Role.ADMINISTRATOR })
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
    public com.vaadin.flow.component.Component create(ScreenContext context) {
        Access.requireAnyRole(context.caller(), Role.ADMINISTRATOR);
        return ExtensionsView.all(registry, toggles, context);
    }
}
