package org.partnerfinance.widget.nextpayments.internal;

import java.util.EnumSet;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.partnerfinance.documents.api.DocumentService;
import org.partnerfinance.extensions.api.ExtensionConstants;
import org.partnerfinance.security.api.Role;
import org.partnerfinance.ui.api.DashboardWidget;
import org.partnerfinance.ui.api.LiveUpdates;
import org.partnerfinance.ui.api.ScreenContext;

/** Dashboard card "Next payments expected" for partner users: what the company will pay them, soonest first. */
@Component(service = DashboardWidget.class, property = {
        ExtensionConstants.EXTENSION_ID + "=widget.next-payments",
        ExtensionConstants.EXTENSION_KIND + "=widget",
        ExtensionConstants.EXTENSION_NAME + "=Next payments expected widget",
        ExtensionConstants.EXTENSION_DETAIL + "=Dashboard card: scheduled and reported payments, payables due soon" })
public class NextPaymentsWidget implements DashboardWidget {

    private static final Set<Role> ROLES = Set.copyOf(EnumSet.of(Role.PARTNER_USER, Role.PARTNER_ADMIN));

    @Reference
    private DocumentService documents;

    @Reference
    private LiveUpdates updates;

    @Override
    public String id() {
        return "next-payments";
    }

    @Override
    public String title() {
        return "Next payments expected";
    }

    @Override
    public Set<Role> roles() {
        return ROLES;
    }

    @Override
    public int order() {
        return 6;
    }

    @Override
    public com.vaadin.flow.component.Component create(ScreenContext context) {
        return new NextPaymentsCard(context, documents, updates);
    }
}
