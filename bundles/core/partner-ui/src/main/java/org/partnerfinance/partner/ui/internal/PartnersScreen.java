package org.partnerfinance.partner.ui.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.partnerfinance.extensions.api.ExtensionConstants;
import org.partnerfinance.partner.api.PartnerService;
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
 * "Partners": the partner master data. Finance managers and administrators create and edit partners; finance
 * reviewers read them. The partner service checks the roles again on every call.
 */
@Component(service = Screen.class, property = {
        ExtensionConstants.EXTENSION_ID + "=partners",
        ExtensionConstants.EXTENSION_KIND + "=screen",
        ExtensionConstants.EXTENSION_NAME + "=Partners",
        ExtensionConstants.EXTENSION_DETAIL + "=Partner master data (/partners)" })
@ScreenPath("partners")
@Title("Partners")
@Icon(VaadinIcon.GROUP)
@Section(MenuSection.FINANCE)
@Order(5)
@Roles({ Role.FINANCE_REVIEWER, Role.FINANCE_MANAGER, Role.ADMINISTRATOR })
public class PartnersScreen implements Screen {

    @Reference
    private PartnerService partners;

    @Override
    public com.vaadin.flow.component.Component create(ScreenContext context) {
        return new PartnersView(context, partners);
    }

    /** Whether the caller may create and edit partners (the service's rule for update). */
    static boolean canEdit(org.partnerfinance.security.api.Caller caller) {
        return caller.hasAny(Role.FINANCE_MANAGER, Role.ADMINISTRATOR);
    }
}
