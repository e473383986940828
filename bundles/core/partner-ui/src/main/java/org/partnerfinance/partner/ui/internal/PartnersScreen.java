package org.partnerfinance.partner.ui.internal;

import java.util.EnumSet;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.partnerfinance.extensions.api.ExtensionConstants;
import org.partnerfinance.partner.api.PartnerService;
import org.partnerfinance.security.api.Role;
import org.partnerfinance.ui.api.MenuSection;
import org.partnerfinance.ui.api.Screen;
import org.partnerfinance.ui.api.ScreenContext;

/**
 * "Partners": the partner master data. Finance managers and administrators create and edit partners; finance
 * reviewers read them. The partner service checks the roles again on every call.
 */
@Component(service = Screen.class, property = {
        ExtensionConstants.EXTENSION_ID + "=partners",
        ExtensionConstants.EXTENSION_KIND + "=screen",
        ExtensionConstants.EXTENSION_NAME + "=Partners",
        ExtensionConstants.EXTENSION_DETAIL + "=Partner master data (/partners)" })
public class PartnersScreen implements Screen {

    static final Set<Role> ROLES = Set.copyOf(
            EnumSet.of(Role.FINANCE_REVIEWER, Role.FINANCE_MANAGER, Role.ADMINISTRATOR));

    @Reference
    private PartnerService partners;

    @Override
    public String path() {
        return "partners";
    }

    @Override
    public String title() {
        return "Partners";
    }

    @Override
    public String icon() {
        return "GROUP";
    }

    @Override
    public MenuSection section() {
        return MenuSection.FINANCE;
    }

    @Override
    public int order() {
        return 5;
    }

    @Override
    public Set<Role> roles() {
        return ROLES;
    }

    @Override
    public com.vaadin.flow.component.Component create(ScreenContext context) {
        return new PartnersView(context, partners);
    }

    /** Whether the caller may create and edit partners (the service's rule for update). */
    static boolean canEdit(org.partnerfinance.security.api.Caller caller) {
        return caller.hasAny(Role.FINANCE_MANAGER, Role.ADMINISTRATOR);
    }
}
