package org.partnerfinance.funds.ui.internal;

import java.time.Clock;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.partnerfinance.extensions.api.ExtensionConstants;
import org.partnerfinance.funds.api.FundService;
import org.partnerfinance.security.api.Role;
import org.partnerfinance.ui.api.LiveUpdates;
import org.partnerfinance.ui.api.MenuSection;
import org.partnerfinance.ui.api.Screen;
import org.partnerfinance.ui.api.ScreenContext;

/** "Funds and budgets" (finance/funds) for finance staff and administrators, refreshed live on every funds change. */
@Component(service = Screen.class, property = {
        ExtensionConstants.EXTENSION_ID + "=" + FundsUi.EXTENSION_ID,
        ExtensionConstants.EXTENSION_KIND + "=screen",
        ExtensionConstants.EXTENSION_NAME + "=" + FundsUi.EXTENSION_NAME,
        ExtensionConstants.EXTENSION_DETAIL + "=Funds and budgets (/finance/funds)" })
public class FundsScreen implements Screen {

    @Reference
    private FundService funds;

    @Reference
    private LiveUpdates updates;

    @Override
    public String path() {
        return "finance/funds";
    }

    @Override
    public String title() {
        return "Funds and budgets";
    }

    @Override
    public String icon() {
        return "PIGGY_BANK_COIN";
    }

    @Override
    public MenuSection section() {
        return MenuSection.FINANCE;
    }

    @Override
    public int order() {
        return 45;
    }

    @Override
    public Set<Role> roles() {
        return FundsUi.STAFF;
    }

    @Override
    public com.vaadin.flow.component.Component create(ScreenContext context) {
        FundsView view = new FundsView(context, funds, Clock.systemDefaultZone());
        updates.subscribe(view, FundsUi.TOPIC, partner -> true, view::refresh);
        return view;
    }
}
