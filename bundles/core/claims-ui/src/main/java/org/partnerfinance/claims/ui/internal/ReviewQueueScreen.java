package org.partnerfinance.claims.ui.internal;

import java.time.Clock;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.partnerfinance.claims.api.ClaimService;
import org.partnerfinance.extensions.api.ExtensionConstants;
import org.partnerfinance.partner.api.PartnerService;
import org.partnerfinance.security.api.Role;
import org.partnerfinance.ui.api.Icon;
import org.partnerfinance.ui.api.LiveUpdates;
import org.partnerfinance.ui.api.MenuSection;
import org.partnerfinance.ui.api.Order;
import org.partnerfinance.ui.api.Roles;
import org.partnerfinance.ui.api.Screen;
import org.partnerfinance.ui.api.ScreenContext;
import org.partnerfinance.ui.api.ScreenPath;
import org.partnerfinance.ui.api.Section;
import org.partnerfinance.ui.api.Title;

import com.vaadin.flow.component.icon.VaadinIcon;

/** "Review queue": submitted claims of all partners for finance staff. */
@Component(service = Screen.class, property = {
        ExtensionConstants.EXTENSION_ID + "=" + ClaimsScreens.EXTENSION_ID,
        ExtensionConstants.EXTENSION_KIND + "=screen",
        ExtensionConstants.EXTENSION_NAME + "=" + ClaimsScreens.EXTENSION_NAME,
        ExtensionConstants.EXTENSION_DETAIL + "=Review queue (/review)" })
@ScreenPath("review")
@Title("Review queue")
@Icon(VaadinIcon.CHECK_SQUARE_O)
@Section(MenuSection.REVIEW)
@Order(10)
@Roles({ Role.FINANCE_REVIEWER, Role.FINANCE_MANAGER })
public class ReviewQueueScreen implements Screen {

    @Reference
    private ClaimService claims;

    @Reference
    private LiveUpdates live;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile PartnerService partners;

    @Override
    public com.vaadin.flow.component.Component create(ScreenContext context) {
        return new ReviewQueueView(context, claims, live,
                () -> ClaimsScreens.partnerNames(partners, context.caller()), Clock.systemUTC());
    }
}
