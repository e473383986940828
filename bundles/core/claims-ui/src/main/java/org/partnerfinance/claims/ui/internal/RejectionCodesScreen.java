package org.partnerfinance.claims.ui.internal;

import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.partnerfinance.claims.api.ClaimService;
import org.partnerfinance.extensions.api.ExtensionConstants;
import org.partnerfinance.security.api.Role;
import org.partnerfinance.ui.api.MenuSection;
import org.partnerfinance.ui.api.Screen;
import org.partnerfinance.ui.api.ScreenContext;

/** "Rejection reasons": the catalogue of coded rejection reasons, for administrators. */
@Component(service = Screen.class, property = {
        ExtensionConstants.EXTENSION_ID + "=" + ClaimsScreens.EXTENSION_ID,
        ExtensionConstants.EXTENSION_KIND + "=screen",
        ExtensionConstants.EXTENSION_NAME + "=" + ClaimsScreens.EXTENSION_NAME,
        ExtensionConstants.EXTENSION_DETAIL + "=Rejection reasons (/admin/rejection-reasons)" })
public class RejectionCodesScreen implements Screen {

    @Reference
    private ClaimService claims;

    @Override
    public String path() {
        return "admin/rejection-reasons";
    }

    @Override
    public String title() {
        return "Rejection reasons";
    }

    @Override
    public String icon() {
        return "LIST_OL";
    }

    @Override
    public MenuSection section() {
        return MenuSection.ADMINISTRATION;
    }

    @Override
    public int order() {
        return 60;
    }

    @Override
    public Set<Role> roles() {
        return Set.of(Role.ADMINISTRATOR);
    }

    @Override
    public com.vaadin.flow.component.Component create(ScreenContext context) {
        return new RejectionCodesView(context, claims);
    }
}
