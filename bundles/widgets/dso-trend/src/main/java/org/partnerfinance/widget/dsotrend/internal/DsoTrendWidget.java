package org.partnerfinance.widget.dsotrend.internal;

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

/** Dashboard card "DSO trend" for finance staff and administrators: DSO at the last twelve month ends. */
@Component(service = DashboardWidget.class, property = {
        ExtensionConstants.EXTENSION_ID + "=widget.dso-trend",
        ExtensionConstants.EXTENSION_KIND + "=widget",
        ExtensionConstants.EXTENSION_NAME + "=DSO trend widget",
        ExtensionConstants.EXTENSION_DETAIL + "=Dashboard card: days sales outstanding over twelve months" })
public class DsoTrendWidget implements DashboardWidget {

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
        return "dso-trend";
    }

    @Override
    public String title() {
        return "DSO trend";
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
        return 21;
    }

    @Override
    public com.vaadin.flow.component.Component create(ScreenContext context) {
        return new DsoTrendCard(context, statements, partners, live, Clock.systemUTC());
    }
}
