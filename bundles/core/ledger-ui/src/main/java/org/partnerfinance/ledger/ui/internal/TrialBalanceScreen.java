package org.partnerfinance.ledger.ui.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.partnerfinance.extensions.api.ExtensionConstants;
import org.partnerfinance.ledger.api.LedgerService;
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

import com.vaadin.flow.component.icon.VaadinIcon;

/** "Trial balance" (finance/trial-balance) for finance staff and administrators. */
@Component(service = Screen.class, property = {
        ExtensionConstants.EXTENSION_ID + "=" + LedgerUi.EXTENSION_ID,
        ExtensionConstants.EXTENSION_KIND + "=screen",
        ExtensionConstants.EXTENSION_NAME + "=" + LedgerUi.EXTENSION_NAME,
        ExtensionConstants.EXTENSION_DETAIL + "=Trial balance (/finance/trial-balance)" })
@ScreenPath("finance/trial-balance")
@Title("Trial balance")
@Icon(VaadinIcon.SCALE)
@Section(MenuSection.FINANCE)
@Order(50)
@Roles({ Role.FINANCE_REVIEWER, Role.FINANCE_MANAGER, Role.ADMINISTRATOR })
public class TrialBalanceScreen implements Screen {

    @Reference
    private LedgerService ledger;

    @Override
    public com.vaadin.flow.component.Component create(ScreenContext context) {
        return new TrialBalanceView(context, ledger, java.time.Clock.systemDefaultZone());
    }
}
