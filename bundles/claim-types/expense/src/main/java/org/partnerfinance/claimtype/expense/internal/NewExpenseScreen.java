package org.partnerfinance.claimtype.expense.internal;

import java.time.Clock;
import java.util.Currency;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
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
import org.partnerfinance.ui.api.MenuSection;
import org.partnerfinance.ui.api.Screen;
import org.partnerfinance.ui.api.ScreenContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** "New expense claim" ({@code claims/new/expense}): the form partners submit expense claims with. */
@Component(service = Screen.class, configurationPid = ExpenseConfiguration.PID, property = {
        ExtensionConstants.EXTENSION_ID + "=" + ExpenseClaimType.EXTENSION_ID,
        ExtensionConstants.EXTENSION_KIND + "=screen",
        ExtensionConstants.EXTENSION_NAME + "=" + ExpenseRules.NAME,
        ExtensionConstants.EXTENSION_DETAIL + "=New expense claim (/claims/new/expense)" })
public class NewExpenseScreen implements Screen {

    private static final Logger LOG = LoggerFactory.getLogger(NewExpenseScreen.class);
    private static final Set<Role> ROLES = Set.copyOf(EnumSet.of(Role.PARTNER_USER, Role.PARTNER_ADMIN));

    @Reference
    private ClaimService claims;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile PartnerService partners;

    private volatile ExpenseRules rules = ExpenseRules.defaults();

    @Activate
    @Modified
    void configure(ExpenseConfiguration config) {
        try {
            rules = new ExpenseRules(config.max_receipt_bytes(), config.max_age_days());
        } catch (IllegalArgumentException e) {
            // the claim type logs the invalid configuration; the form follows the same defaults
            rules = ExpenseRules.defaults();
        }
    }

    @Override
    public String path() {
        return "claims/new/expense";
    }

    @Override
    public String title() {
        return "New expense claim";
    }

    @Override
    public String icon() {
        return "PLUS_CIRCLE";
    }

    @Override
    public MenuSection section() {
        return MenuSection.CLAIMS;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public Set<Role> roles() {
        return ROLES;
    }

    @Override
    public com.vaadin.flow.component.Component create(ScreenContext context) {
        return new ExpenseForm(context, claims, rules, Clock.systemDefaultZone(), partnerCurrency(context.caller()));
    }

    /** The partner's default currency, when the partner service is there to tell it. */
    private Optional<Currency> partnerCurrency(Caller caller) {
        PartnerService service = partners;
        if (service == null || caller.partnerId() == null) {
            return Optional.empty();
        }
        try {
            return service.find(caller, caller.partnerId()).map(Partner::defaultCurrency);
        } catch (RuntimeException e) {
            LOG.debug("Default currency of partner {} not readable", caller.partnerId(), e);
            return Optional.empty();
        }
    }
}
