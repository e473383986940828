package org.partnerfinance.ledger.ui.internal;

import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.partnerfinance.extensions.api.ExtensionConstants;
import org.partnerfinance.ledger.api.LedgerService;
import org.partnerfinance.security.api.Role;
import org.partnerfinance.ui.api.MenuSection;
import org.partnerfinance.ui.api.Screen;
import org.partnerfinance.ui.api.ScreenContext;

/** "Exchange rates" (finance/rates) for finance staff and administrators. */
@Component(service = Screen.class, property = {
        ExtensionConstants.EXTENSION_ID + "=" + LedgerUi.EXTENSION_ID,
        ExtensionConstants.EXTENSION_KIND + "=screen",
        ExtensionConstants.EXTENSION_NAME + "=" + LedgerUi.EXTENSION_NAME,
        ExtensionConstants.EXTENSION_DETAIL + "=Exchange rates (/finance/rates)" })
public class ExchangeRatesScreen implements Screen {

    @Reference
    private LedgerService ledger;

    @Override
    public String path() {
        return "finance/rates";
    }

    @Override
    public String title() {
        return "Exchange rates";
    }

    @Override
    public String icon() {
        return "EXCHANGE";
    }

    @Override
    public MenuSection section() {
        return MenuSection.FINANCE;
    }

    @Override
    public int order() {
        return 80;
    }

    @Override
    public Set<Role> roles() {
        return LedgerUi.STAFF;
    }

    @Override
    public com.vaadin.flow.component.Component create(ScreenContext context) {
        return new RatesView(context, ledger, java.time.Clock.systemDefaultZone());
    }
}
