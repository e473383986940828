package org.partnerfinance.widget.myclaims.internal;

import java.util.EnumSet;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.partnerfinance.claims.api.ClaimService;
import org.partnerfinance.claims.ui.api.ClaimUpdates;
import org.partnerfinance.extensions.api.ExtensionConstants;
import org.partnerfinance.security.api.Role;
import org.partnerfinance.ui.api.DashboardWidget;
import org.partnerfinance.ui.api.ScreenContext;

/** Dashboard card "My claims" for partner users: their claims by status. */
@Component(service = DashboardWidget.class, property = {
        ExtensionConstants.EXTENSION_ID + "=widget.my-claims",
        ExtensionConstants.EXTENSION_KIND + "=widget",
        ExtensionConstants.EXTENSION_NAME + "=My claims widget",
        ExtensionConstants.EXTENSION_DETAIL + "=Dashboard card: claims by status" })
public class MyClaimsWidget implements DashboardWidget {

    private static final Set<Role> ROLES = Set.copyOf(EnumSet.of(Role.PARTNER_USER, Role.PARTNER_ADMIN));

    @Reference
    private ClaimService claims;

    @Reference
    private ClaimUpdates updates;

    @Override
    public String id() {
        return "my-claims";
    }

    @Override
    public String title() {
        return "My claims";
    }

    @Override
    public Set<Role> roles() {
        return ROLES;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public com.vaadin.flow.component.Component create(ScreenContext context) {
        return new MyClaimsCard(context, claims, updates);
    }
}
