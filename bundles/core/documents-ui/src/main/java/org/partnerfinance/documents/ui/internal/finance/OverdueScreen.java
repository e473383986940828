package org.partnerfinance.documents.ui.internal.finance;

import java.time.Clock;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.partnerfinance.documents.api.StatementService;
import org.partnerfinance.extensions.api.ExtensionConstants;
import org.partnerfinance.partner.api.PartnerService;
import org.partnerfinance.ui.api.LiveUpdates;
import org.partnerfinance.ui.api.Screen;
import org.partnerfinance.ui.api.ScreenContext;

/** "Overdue and dunning": overdue receivables across partners, most overdue first, with the reminders recorded. */
@Component(service = Screen.class, property = {
        ExtensionConstants.EXTENSION_ID + "=" + Finance.EXTENSION_ID,
        ExtensionConstants.EXTENSION_KIND + "=screen",
        ExtensionConstants.EXTENSION_NAME + "=" + Finance.EXTENSION_NAME,
        ExtensionConstants.EXTENSION_DETAIL + "=Overdue and dunning (/" + Finance.OVERDUE + ")" })
public class OverdueScreen extends FinanceScreen {

    @Reference
    private StatementService statements;

    @Reference
    private PartnerService partners;

    @Reference
    private LiveUpdates live;

    public OverdueScreen() {
        super(Finance.OVERDUE, "Overdue and dunning", "ALARM", 20, Finance.READERS);
    }

    @Override
    public com.vaadin.flow.component.Component create(ScreenContext context) {
        return new OverdueView(context, statements, Finance.partners(partners, context.caller()), live,
                Clock.systemUTC());
    }
}
