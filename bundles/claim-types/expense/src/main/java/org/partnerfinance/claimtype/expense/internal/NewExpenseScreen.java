package org.partnerfinance.claimtype.expense.internal;

import java.time.Clock;
import java.util.Currency;
import java.util.Optional;

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
import org.partnerfinance.ui.api.Icon;
import org.partnerfinance.ui.api.MenuSection;
import org.partnerfinance.ui.api.Order;
import org.partnerfinance.ui.api.Roles;
import org.partnerfinance.ui.api.Screen;
import org.partnerfinance.ui.api.ScreenContext;
import org.partnerfinance.ui.api.ScreenPath;
import org.partnerfinance.ui.api.Section;
import org.partnerfinance.ui.api.Title;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.icon.VaadinIcon;

/** "New expense claim" ({@code claims/new/expense}): the form partners submit expense claims with. */
@Component(service = Screen.class, configurationPid = ExpenseConfiguration.PID, property = {
        ExtensionConstants.EXTENSION_ID + "=" + ExpenseClaimType.EXTENSION_ID,
        ExtensionConstants.EXTENSION_KIND + "=screen",
        ExtensionConstants.EXTENSION_NAME + "=" + ExpenseRules.NAME,
        ExtensionConstants.EXTENSION_DETAIL + "=New expense claim (/claims/new/expense)" })
@ScreenPath("claims/new/expense")
@Title("New expense claim")
@Icon(VaadinIcon.PLUS_CIRCLE)
@Section(MenuSection.CLAIMS)
@Order(20)
@Roles({ Role.PARTNER_USER, Role.PARTNER_ADMIN })
public class NewExpenseScreen implements Screen {

    private static final Logger LOG = LoggerFactory.getLogger(NewExpenseScreen.class);

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
