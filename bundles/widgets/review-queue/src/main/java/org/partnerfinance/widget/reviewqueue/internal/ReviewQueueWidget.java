package org.partnerfinance.widget.reviewqueue.internal;

import java.time.Clock;
import java.util.Map;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.partnerfinance.claims.api.ClaimService;
import org.partnerfinance.extensions.api.ExtensionConstants;
import org.partnerfinance.partner.api.Partner;
import org.partnerfinance.partner.api.PartnerService;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.Role;
import org.partnerfinance.ui.api.DashboardWidget;
import org.partnerfinance.ui.api.LiveUpdates;
import org.partnerfinance.ui.api.Order;
import org.partnerfinance.ui.api.Roles;
import org.partnerfinance.ui.api.ScreenContext;
import org.partnerfinance.ui.api.Title;
import org.partnerfinance.ui.api.WidgetId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Dashboard card "Review queue" for finance staff. */
@Component(service = DashboardWidget.class, property = {
        ExtensionConstants.EXTENSION_ID + "=widget.review-queue",
        ExtensionConstants.EXTENSION_KIND + "=widget",
        ExtensionConstants.EXTENSION_NAME + "=Review queue widget",
        ExtensionConstants.EXTENSION_DETAIL + "=Dashboard card: claims waiting for review" })
@WidgetId("review-queue")
@Title("Review queue")
@Order(10)
@Roles({ Role.FINANCE_REVIEWER, Role.FINANCE_MANAGER })
public class ReviewQueueWidget implements DashboardWidget {

    private static final Logger LOG = LoggerFactory.getLogger(ReviewQueueWidget.class);

    @Reference
    private ClaimService claims;

    @Reference
    private LiveUpdates live;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile PartnerService partners;

    @Override
    public com.vaadin.flow.component.Component create(ScreenContext context) {
        Caller caller = context.caller();
        return new ReviewQueueCard(context, claims, live, () -> partnerNames(caller), Clock.systemUTC());
    }

    private Map<String, String> partnerNames(Caller caller) {
        PartnerService service = partners;
        if (service == null) {
            return Map.of();
        }
        try {
            return service.list(caller).stream().collect(Collectors.toMap(Partner::id, Partner::name, (a, b) -> a));
        } catch (RuntimeException e) {
            LOG.debug("Partner names not available for {}", caller.username(), e);
            return Map.of();
        }
    }
}
