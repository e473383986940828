package org.partnerfinance.widget.financeaging.internal;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.partnerfinance.documents.api.StatementService;
import org.partnerfinance.extensions.api.ExtensionConstants;
import org.partnerfinance.partner.api.PartnerService;
import org.partnerfinance.security.api.Role;
import org.partnerfinance.ui.api.DashboardWidget;
import org.partnerfinance.ui.api.LiveUpdates;
import org.partnerfinance.ui.api.ScreenContext;

/** Dashboard card "Receivables aging" for finance staff and administrators: the buckets as a stacked bar chart. */
@Component(service = DashboardWidget.class, property = {
        ExtensionConstants.EXTENSION_ID + "=widget.finance-aging",
        ExtensionConstants.EXTENSION_KIND + "=widget",
        ExtensionConstants.EXTENSION_NAME + "=Receivables aging widget",
        ExtensionConstants.EXTENSION_DETAIL + "=Dashboard card: receivables aging across partners" })
public class AgingWidget implements DashboardWidget {

    static final Set<Role> ROLES = Set.copyOf(
            EnumSet.of(Role.FINANCE_REVIEWER, Role.FINANCE_MANAGER, Role.ADMINISTRATOR));

    @Reference
    private StatementService statements;

    @Reference
    private PartnerService partners;

    @Reference
    private LiveUpdates live;

    @Override
    public String id() {
        return "finance-aging";
    }

    @Override
    public String title() {
        return "Receivables aging";
    }

    @Override
    public Set<Role> roles() {
        return ROLES;
    }

    @Override
    public int size() {
        return 2;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public com.vaadin.flow.component.Component create(ScreenContext context) {
        return new AgingCard(context, statements, partners, live, Clock.systemUTC());
    }
}
