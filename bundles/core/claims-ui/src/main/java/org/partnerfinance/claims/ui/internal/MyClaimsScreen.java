package org.partnerfinance.claims.ui.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.partnerfinance.claims.api.ClaimService;
import org.partnerfinance.extensions.api.ExtensionConstants;
import org.partnerfinance.security.api.Role;
import org.partnerfinance.ui.api.Icon;
import org.partnerfinance.ui.api.LiveUpdates;
import org.partnerfinance.ui.api.MenuSection;
import org.partnerfinance.ui.api.Order;
import org.partnerfinance.ui.api.Roles;
import org.partnerfinance.ui.api.Screen;
import org.partnerfinance.ui.api.ScreenContext;
import org.partnerfinance.ui.api.ScreenPath;
import org.partnerfinance.ui.api.Section;
import org.partnerfinance.ui.api.Title;

import com.vaadin.flow.component.icon.VaadinIcon;

/** "My claims": the partner's claims and the entry to new claims of every installed type. */
@Component(service = Screen.class, property = {
        ExtensionConstants.EXTENSION_ID + "=" + ClaimsScreens.EXTENSION_ID,
        ExtensionConstants.EXTENSION_KIND + "=screen",
        ExtensionConstants.EXTENSION_NAME + "=" + ClaimsScreens.EXTENSION_NAME,
        ExtensionConstants.EXTENSION_DETAIL + "=My claims (/claims)" })
@ScreenPath("claims")
@Title("My claims")
@Icon(VaadinIcon.FILE_TEXT_O)
@Section(MenuSection.CLAIMS)
@Order(10)
@Roles({ Role.PARTNER_USER, Role.PARTNER_ADMIN })
public class MyClaimsScreen implements Screen {

    @Reference
    private ClaimService claims;

    @Reference
    private LiveUpdates live;

    @Override
    public com.vaadin.flow.component.Component create(ScreenContext context) {
        return new MyClaimsView(context, claims, live);
    }
}
