package org.partnerfinance.widget.myclaims.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.partnerfinance.claims.api.ClaimService;
import org.partnerfinance.extensions.api.ExtensionConstants;
import org.partnerfinance.security.api.Role;
import org.partnerfinance.ui.api.DashboardWidget;
import org.partnerfinance.ui.api.LiveUpdates;
import org.partnerfinance.ui.api.Order;
import org.partnerfinance.ui.api.Roles;
import org.partnerfinance.ui.api.ScreenContext;
import org.partnerfinance.ui.api.Title;
import org.partnerfinance.ui.api.WidgetId;

/** Dashboard card "My claims" for partner users: their claims by status. */
@Component(service = DashboardWidget.class, property = {
        ExtensionConstants.EXTENSION_ID + "=widget.my-claims",
        ExtensionConstants.EXTENSION_KIND + "=widget",
        ExtensionConstants.EXTENSION_NAME + "=My claims widget",
        ExtensionConstants.EXTENSION_DETAIL + "=Dashboard card: claims by status" })
@WidgetId("my-claims")
@Title("My claims")
@Order(10)
@Roles({ Role.PARTNER_USER, Role.PARTNER_ADMIN })
public class MyClaimsWidget implements DashboardWidget {

    @Reference
    private ClaimService claims;

    @Reference
    private LiveUpdates live;

    @Override
    public com.vaadin.flow.component.Component create(ScreenContext context) {
        return new MyClaimsCard(context, claims, live);
    }
}
