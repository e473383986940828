package org.partnerfinance.funds.ui.internal;

import java.util.Objects;
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

/** "My funds" (funds) for partner users, refreshed live when their partner's funds change. */
@Component(service = Screen.class, property = {
        ExtensionConstants.EXTENSION_ID + "=" + FundsUi.EXTENSION_ID,
        ExtensionConstants.EXTENSION_KIND + "=screen",
        ExtensionConstants.EXTENSION_NAME + "=" + FundsUi.EXTENSION_NAME,
        ExtensionConstants.EXTENSION_DETAIL + "=My funds (/funds)" })
public class MyFundsScreen implements Screen {

    @Reference
    private FundService funds;

    @Reference
    private LiveUpdates updates;

    @Override
    public String path() {
        return "funds";
    }

    @Override
    public String title() {
        return "My funds";
    }

    @Override
    public String icon() {
        return "PIGGY_BANK";
    }

    @Override
    public MenuSection section() {
        return MenuSection.CLAIMS;
    }

    @Override
    public int order() {
        return 80;
    }

    @Override
    public Set<Role> roles() {
        return FundsUi.PARTNERS;
    }

    @Override
    public com.vaadin.flow.component.Component create(ScreenContext context) {
        MyFundsView view = new MyFundsView(context, funds);
        String partner = context.caller().partnerId();
        updates.subscribe(view, FundsUi.TOPIC, p -> p == null || Objects.equals(p, partner), view::refresh);
        return view;
    }
}
