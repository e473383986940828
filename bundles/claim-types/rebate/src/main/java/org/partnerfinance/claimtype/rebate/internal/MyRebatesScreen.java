package org.partnerfinance.claimtype.rebate.internal;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.partnerfinance.claims.api.ClaimService;
import org.partnerfinance.claimtype.rebate.api.RebateService;
import org.partnerfinance.extensions.api.ExtensionConstants;
import org.partnerfinance.security.api.Role;
import org.partnerfinance.ui.api.LiveUpdates;
import org.partnerfinance.ui.api.MenuSection;
import org.partnerfinance.ui.api.Screen;
import org.partnerfinance.ui.api.ScreenContext;

/** The partner's "My rebates" ({@code claims/rebates}): earned, claimed, tier watchlist, claim the earned amount. */
@Component(service = Screen.class, property = {
        ExtensionConstants.EXTENSION_ID + "=" + RebateClaimType.TYPE_ID,
        ExtensionConstants.EXTENSION_KIND + "=screen",
        ExtensionConstants.EXTENSION_NAME + "=My rebates",
        ExtensionConstants.EXTENSION_DETAIL + "=My rebates: earned, claimed, tier watchlist (/claims/rebates)" })
public class MyRebatesScreen implements Screen {

    private static final Set<Role> ROLES = Set.copyOf(EnumSet.of(Role.PARTNER_USER, Role.PARTNER_ADMIN));

    @Reference
    private RebateService rebates;

    @Reference
    private ClaimService claims;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile LiveUpdates updates;

    @Override
    public String path() {
        return "claims/rebates";
    }

    @Override
    public String title() {
        return "My rebates";
    }

    @Override
    public String icon() {
        return "TRENDING_UP";
    }

    @Override
    public MenuSection section() {
        return MenuSection.CLAIMS;
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public Set<Role> roles() {
        return ROLES;
    }

    @Override
    public com.vaadin.flow.component.Component create(ScreenContext context) {
        return new MyRebatesView(context, rebates, claims, updates, Clock.systemDefaultZone());
    }
}
