package org.partnerfinance.widget.nextpayments.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.partnerfinance.documents.api.DocumentService;
import org.partnerfinance.extensions.api.ExtensionConstants;
import org.partnerfinance.security.api.Role;
import org.partnerfinance.ui.api.DashboardWidget;
import org.partnerfinance.ui.api.LiveUpdates;
import org.partnerfinance.ui.api.Order;
import org.partnerfinance.ui.api.Roles;
import org.partnerfinance.ui.api.ScreenContext;
import org.partnerfinance.ui.api.Title;
import org.partnerfinance.ui.api.WidgetId;

/** Dashboard card "Next payments expected" for partner users: what the company will pay them, soonest first. */
@Component(service = DashboardWidget.class, property = {
        ExtensionConstants.EXTENSION_ID + "=widget.next-payments",
        ExtensionConstants.EXTENSION_KIND + "=widget",
        ExtensionConstants.EXTENSION_NAME + "=Next payments expected widget",
        ExtensionConstants.EXTENSION_DETAIL + "=Dashboard card: scheduled and reported payments, payables due soon" })
@WidgetId("next-payments")
@Title("Next payments expected")
@Order(6)
@Roles({ Role.PARTNER_USER, Role.PARTNER_ADMIN })
public class NextPaymentsWidget implements DashboardWidget {

    @Reference
    private DocumentService documents;

    @Reference
    private LiveUpdates updates;

    @Override
    public com.vaadin.flow.component.Component create(ScreenContext context) {
        return new NextPaymentsCard(context, documents, updates);
    }
}
