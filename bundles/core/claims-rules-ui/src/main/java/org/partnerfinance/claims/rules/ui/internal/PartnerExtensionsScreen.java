package org.partnerfinance.claims.rules.ui.internal;

import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.partnerfinance.claims.api.ClaimService;
import org.partnerfinance.claims.rules.api.DeadlineExtensions;
import org.partnerfinance.extensions.api.ExtensionConstants;
import org.partnerfinance.security.api.Role;
import org.partnerfinance.ui.api.LiveUpdates;
import org.partnerfinance.ui.api.MenuSection;
import org.partnerfinance.ui.api.Screen;
import org.partnerfinance.ui.api.ScreenContext;

/**
 * "Deadline extensions" for partner users: ask for more time for a saved claim that missed (or is about to miss) its
 * deadline, and see finance's answers. {@code ?claim=<id>} chooses the claim.
 */
@Component(service = Screen.class, property = {
        ExtensionConstants.EXTENSION_ID + "=compliance-rules",
        ExtensionConstants.EXTENSION_KIND + "=screen",
        ExtensionConstants.EXTENSION_NAME + "=Compliance rules",
        ExtensionConstants.EXTENSION_DETAIL + "=Deadline extensions for partners (/" + PartnerExtensionsScreen.PATH
                + ")" })
public class PartnerExtensionsScreen implements Screen {

    static final String PATH = "claims/deadline-extensions";

    @Reference
    private DeadlineExtensions extensions;

    @Reference
    private ClaimService claims;

    @Reference
    private LiveUpdates live;

    @Override
    public String path() {
        return PATH;
    }

    @Override
    public String title() {
        return "Deadline extensions";
    }

    @Override
    public String icon() {
        return "CALENDAR_CLOCK";
    }

    @Override
    public MenuSection section() {
        return MenuSection.CLAIMS;
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public Set<Role> roles() {
        return Set.of(Role.PARTNER_USER, Role.PARTNER_ADMIN);
    }

    @Override
    public com.vaadin.flow.component.Component create(ScreenContext context) {
        return new PartnerExtensionsView(context, extensions, claims, live);
    }
}
