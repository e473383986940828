package org.partnerfinance.widget.systemhealth.internal;

import java.time.Clock;
import java.util.Optional;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.partnerfinance.audit.api.AuditTrail;
import org.partnerfinance.extensions.api.ExtensionConstants;
import org.partnerfinance.extensions.api.ExtensionRegistry;
import org.partnerfinance.security.api.Role;
import org.partnerfinance.ui.api.DashboardWidget;
import org.partnerfinance.ui.api.Order;
import org.partnerfinance.ui.api.Roles;
import org.partnerfinance.ui.api.ScreenContext;
import org.partnerfinance.ui.api.Title;
import org.partnerfinance.ui.api.WidgetId;
import org.partnerfinance.ui.api.WidgetSize;

/** Dashboard card "System health" for administrators. */
@Component(service = DashboardWidget.class, property = {
        ExtensionConstants.EXTENSION_ID + "=widget.system-health",
        ExtensionConstants.EXTENSION_KIND + "=widget",
        ExtensionConstants.EXTENSION_NAME + "=System health widget",
        ExtensionConstants.EXTENSION_DETAIL + "=Dashboard card: audit status, alerts, extensions, failed sign-ins" })
@WidgetId("system-health")
@Title("System health")
@Order(10)
@WidgetSize(2)
@Roles({ Role.ADMINISTRATOR })
public class SystemHealthWidget implements DashboardWidget {

    @Reference
    private ExtensionRegistry registry;

    /** Optional: when the audit trail is missing, the card says so (that is the alert). */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile AuditTrail audit;

    @Override
    public com.vaadin.flow.component.Component create(ScreenContext context) {
        return new SystemHealthCard(context.caller(), () -> Optional.ofNullable(audit), registry, Clock.systemUTC());
    }
}
