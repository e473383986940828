package org.partnerfinance.widget.financeaging.internal;

import java.time.Clock;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.partnerfinance.documents.api.StatementService;
import org.partnerfinance.extensions.api.ExtensionConstants;
import org.partnerfinance.partner.api.PartnerService;
import org.partnerfinance.security.api.Role;
import org.partnerfinance.ui.api.DashboardWidget;
import org.partnerfinance.ui.api.LiveUpdates;
import org.partnerfinance.ui.api.Order;
import org.partnerfinance.ui.api.Roles;
import org.partnerfinance.ui.api.ScreenContext;
import org.partnerfinance.ui.api.Title;
import org.partnerfinance.ui.api.WidgetId;
import org.partnerfinance.ui.api.WidgetSize;

/** Dashboard card "Receivables aging" for finance staff and administrators: the buckets as a stacked bar chart. */
@Component(service = DashboardWidget.class, property = {
        ExtensionConstants.EXTENSION_ID + "=widget.finance-aging",
        ExtensionConstants.EXTENSION_KIND + "=widget",
        ExtensionConstants.EXTENSION_NAME + "=Receivables aging widget",
        ExtensionConstants.EXTENSION_DETAIL + "=Dashboard card: receivables aging across partners" })
@WidgetId("finance-aging")
@Title("Receivables aging")
@Order(20)
@WidgetSize(2)
@Roles({ Role.FINANCE_REVIEWER, Role.FINANCE_MANAGER, Role.ADMINISTRATOR })
public class AgingWidget implements DashboardWidget {

    @Reference
    private StatementService statements;

    @Reference
    private PartnerService partners;

    @Reference
    private LiveUpdates live;

    @Override
    public com.vaadin.flow.component.Component create(ScreenContext context) {
        return new AgingCard(context, statements, partners, live, Clock.systemUTC());
    }
}
