package org.partnerfinance.claimtype.rebate.internal;

import java.util.EnumSet;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.partnerfinance.claimtype.rebate.api.RebateService;
import org.partnerfinance.extensions.api.ExtensionConstants;
import org.partnerfinance.partner.api.PartnerService;
import org.partnerfinance.security.api.Role;
import org.partnerfinance.ui.api.LiveUpdates;
import org.partnerfinance.ui.api.MenuSection;
import org.partnerfinance.ui.api.Screen;
import org.partnerfinance.ui.api.ScreenContext;

/** Finance's "Rebate agreements" ({@code finance/rebates}). */
@Component(service = Screen.class, property = {
        ExtensionConstants.EXTENSION_ID + "=" + RebateClaimType.TYPE_ID,
        ExtensionConstants.EXTENSION_KIND + "=screen",
        ExtensionConstants.EXTENSION_NAME + "=Rebate agreements",
        ExtensionConstants.EXTENSION_DETAIL + "=Rebate agreements, sales volumes, accrual (/finance/rebates)" })
public class AgreementsScreen implements Screen {

    private static final Set<Role> ROLES = Set.copyOf(EnumSet.of(Role.FINANCE_REVIEWER, Role.FINANCE_MANAGER));

    @Reference
    private RebateService rebates;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile PartnerService partners;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile LiveUpdates updates;

    @Override
    public String path() {
        return "finance/rebates";
    }

    @Override
    public String title() {
        return "Rebate agreements";
    }

    @Override
    public String icon() {
        return "TRENDING_UP";
    }

    @Override
    public MenuSection section() {
        return MenuSection.FINANCE;
    }

    @Override
    public int order() {
        return 60;
    }

    @Override
    public Set<Role> roles() {
        return ROLES;
    }

    @Override
    public com.vaadin.flow.component.Component create(ScreenContext context) {
        return new AgreementsView(context, rebates, partners, updates);
    }
}
