package org.partnerfinance.claims.settlement.ui.internal;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.partnerfinance.claims.settlement.api.SettlementService;
import org.partnerfinance.extensions.api.ExtensionConstants;
import org.partnerfinance.security.api.Role;
import org.partnerfinance.ui.api.MenuSection;
import org.partnerfinance.ui.api.Screen;
import org.partnerfinance.ui.api.ScreenContext;

/** "Settlements" (finance/settlements): approved claims to settle, the schedule, due runs, payments by hand. */
@Component(service = Screen.class, property = {
        ExtensionConstants.EXTENSION_ID + "=" + SettlementsScreen.EXTENSION_ID,
        ExtensionConstants.EXTENSION_KIND + "=screen",
        ExtensionConstants.EXTENSION_NAME + "=Claims settlement",
        ExtensionConstants.EXTENSION_DETAIL + "=Settlements (/finance/settlements)" })
public class SettlementsScreen implements Screen {

    static final String EXTENSION_ID = "claims-settlement";
    static final Set<Role> STAFF = Set.copyOf(EnumSet.of(Role.FINANCE_REVIEWER, Role.FINANCE_MANAGER));

    @Reference
    private SettlementService settlements;

    @Override
    public String path() {
        return "finance/settlements";
    }

    @Override
    public String title() {
        return "Settlements";
    }

    @Override
    public String icon() {
        return "MONEY_EXCHANGE";
    }

    @Override
    public MenuSection section() {
        return MenuSection.FINANCE;
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public Set<Role> roles() {
        return STAFF;
    }

    @Override
    public com.vaadin.flow.component.Component create(ScreenContext context) {
        return new SettlementsView(context, settlements, Clock.systemDefaultZone());
    }
}
