package org.partnerfinance.widget.balance.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.partnerfinance.documents.api.StatementService;
import org.partnerfinance.extensions.api.ExtensionConstants;
import org.partnerfinance.security.api.Role;
import org.partnerfinance.ui.api.DashboardWidget;
import org.partnerfinance.ui.api.LiveUpdates;
import org.partnerfinance.ui.api.Order;
import org.partnerfinance.ui.api.Roles;
import org.partnerfinance.ui.api.ScreenContext;
import org.partnerfinance.ui.api.Title;
import org.partnerfinance.ui.api.WidgetId;

/** Dashboard card "Balance and overdue" for partner users: per currency what they owe and how much of it is overdue. */
@Component(service = DashboardWidget.class, property = {
        ExtensionConstants.EXTENSION_ID + "=widget.balance",
        ExtensionConstants.EXTENSION_KIND + "=widget",
        ExtensionConstants.EXTENSION_NAME + "=Balance and overdue widget",
        ExtensionConstants.EXTENSION_DETAIL + "=Dashboard card: statement balance and overdue part by currency" })
@WidgetId("balance")
@Title("Balance and overdue")
@Order(5)
@Roles({ Role.PARTNER_USER, Role.PARTNER_ADMIN })
public class BalanceWidget implements DashboardWidget {

    @Reference
    private StatementService statements;

    @Reference
    private LiveUpdates updates;

    @Override
    public com.vaadin.flow.component.Component create(ScreenContext context) {
        return new BalanceCard(context, statements, updates);
    }
}
