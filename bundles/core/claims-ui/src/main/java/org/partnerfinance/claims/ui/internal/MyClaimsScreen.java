package org.partnerfinance.claims.ui.internal;

import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.partnerfinance.claims.api.ClaimService;
import org.partnerfinance.claims.ui.api.ClaimUpdates;
import org.partnerfinance.extensions.api.ExtensionConstants;
import org.partnerfinance.security.api.Role;
import org.partnerfinance.ui.api.MenuSection;
import org.partnerfinance.ui.api.Screen;
import org.partnerfinance.ui.api.ScreenContext;

/** "My claims": the partner's claims and the entry to new claims of every installed type. */
@Component(service = Screen.class, property = {
        ExtensionConstants.EXTENSION_ID + "=" + ClaimsScreens.EXTENSION_ID,
        ExtensionConstants.EXTENSION_KIND + "=screen",
        ExtensionConstants.EXTENSION_NAME + "=" + ClaimsScreens.EXTENSION_NAME,
        ExtensionConstants.EXTENSION_DETAIL + "=My claims (/claims)" })
public class MyClaimsScreen implements Screen {

    @Reference
    private ClaimService claims;

    @Reference
    private ClaimUpdates updates;

    @Override
    public String path() {
        return "claims";
    }

    @Override
    public String title() {
        return "My claims";
    }

    @Override
    public String icon() {
        return "FILE_TEXT_O";
    }

    @Override
    public MenuSection section() {
        return MenuSection.CLAIMS;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public Set<Role> roles() {
        return ClaimsScreens.PARTNER_ROLES;
    }

    @Override
    public com.vaadin.flow.component.Component create(ScreenContext context) {
        return new MyClaimsView(context, claims, updates);
    }
}
