package org.partnerfinance.widget.balance.internal;

import java.util.EnumSet;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.partnerfinance.documents.api.StatementService;
import org.partnerfinance.extensions.api.ExtensionConstants;
import org.partnerfinance.security.api.Role;
import org.partnerfinance.ui.api.DashboardWidget;
import org.partnerfinance.ui.api.LiveUpdates;
import org.partnerfinance.ui.api.ScreenContext;

/** Dashboard card "Balance and overdue" for partner users: per currency what they owe and how much of it is overdue. */
@Component(service = DashboardWidget.class, property = {
        ExtensionConstants.EXTENSION_ID + "=widget.balance",
        ExtensionConstants.EXTENSION_KIND + "=widget",
        ExtensionConstants.EXTENSION_NAME + "=Balance and overdue widget",
        ExtensionConstants.EXTENSION_DETAIL + "=Dashboard card: statement balance and overdue part by currency" })
public class BalanceWidget implements DashboardWidget {

    private static final Set<Role> ROLES = Set.copyOf(EnumSet.of(Role.PARTNER_USER, Role.PARTNER_ADMIN));

    @Reference
    private StatementService statements;

    @Reference
    private LiveUpdates updates;

    @Override
    public String id() {
        return "balance";
    }

    @Override
    public String title() {
        return "Balance and overdue";
    }

    @Override
    public Set<Role> roles() {
        return ROLES;
    }

    @Override
    public int order() {
        return 5;
    }

    @Override
    public com.vaadin.flow.component.Component create(ScreenContext context) {
        return new BalanceCard(context, statements, updates);
    }
}
