package org.partnerfinance.claims.ui.internal;

import java.time.Clock;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.partnerfinance.claims.api.ClaimService;
import org.partnerfinance.claims.ui.api.ClaimUpdates;
import org.partnerfinance.extensions.api.ExtensionConstants;
import org.partnerfinance.partner.api.PartnerService;
import org.partnerfinance.security.api.Role;
import org.partnerfinance.ui.api.MenuSection;
import org.partnerfinance.ui.api.Screen;
import org.partnerfinance.ui.api.ScreenContext;

/** "Review queue": submitted claims of all partners for finance staff. */
@Component(service = Screen.class, property = {
        ExtensionConstants.EXTENSION_ID + "=" + ClaimsScreens.EXTENSION_ID,
        ExtensionConstants.EXTENSION_KIND + "=screen",
        ExtensionConstants.EXTENSION_NAME + "=" + ClaimsScreens.EXTENSION_NAME,
        ExtensionConstants.EXTENSION_DETAIL + "=Review queue (/review)" })
public class ReviewQueueScreen implements Screen {

    @Reference
    private ClaimService claims;

    @Reference
    private ClaimUpdates updates;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile PartnerService partners;

    @Override
    public String path() {
        return "review";
    }

    @Override
    public String title() {
        return "Review queue";
    }

    @Override
    public String icon() {
        return "CHECK_SQUARE_O";
    }

    @Override
    public MenuSection section() {
        return MenuSection.REVIEW;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public Set<Role> roles() {
        return ClaimsScreens.FINANCE_ROLES;
    }

    @Override
    public com.vaadin.flow.component.Component create(ScreenContext context) {
        return new ReviewQueueView(context, claims, updates,
                () -> ClaimsScreens.partnerNames(partners, context.caller()), Clock.systemUTC());
    }
}
