package org.partnerfinance.documents.ui.internal.finance;

import java.time.Clock;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.partnerfinance.documents.api.StatementService;
import org.partnerfinance.extensions.api.ExtensionConstants;
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

/** "Reconciliation": the partner sub-ledger against the ledger's control accounts as of a date. */
@Component(service = Screen.class, property = {
        ExtensionConstants.EXTENSION_ID + "=" + Finance.EXTENSION_ID,
        ExtensionConstants.EXTENSION_KIND + "=screen",
        ExtensionConstants.EXTENSION_NAME + "=" + Finance.EXTENSION_NAME,
        ExtensionConstants.EXTENSION_DETAIL + "=Reconciliation (/" + Finance.RECONCILIATION + ")" })
@ScreenPath(Finance.RECONCILIATION)
@Title("Reconciliation")
@Icon(VaadinIcon.SCALE)
@Section(MenuSection.FINANCE)
@Order(70)
@Roles({ Role.FINANCE_REVIEWER, Role.FINANCE_MANAGER, Role.ADMINISTRATOR })
public class ReconciliationScreen implements Screen {

    @Reference
    private StatementService statements;

    @Override
    public com.vaadin.flow.component.Component create(ScreenContext context) {
        return new ReconciliationView(context, statements, Clock.systemUTC());
    }
}
