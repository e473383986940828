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

/** "Payables due": what the company must pay its partners, by due date, with totals per week. */
@Component(service = Screen.class, property = {
        ExtensionConstants.EXTENSION_ID + "=" + Finance.EXTENSION_ID,
        ExtensionConstants.EXTENSION_KIND + "=screen",
        ExtensionConstants.EXTENSION_NAME + "=" + Finance.EXTENSION_NAME,
        ExtensionConstants.EXTENSION_DETAIL + "=Payables due (/" + Finance.PAYABLES + ")" })
public class PayablesScreen extends FinanceScreen {

    @Reference
    private StatementService statements;

    @Reference
    private PartnerService partners;

    @Reference
    private LiveUpdates live;

    public PayablesScreen() {
        super(Finance.PAYABLES, "Payables due", "CALENDAR_MONEY", 40, Finance.READERS);
    }

    @Override
    public com.vaadin.flow.component.Component create(ScreenContext context) {
        return new PayablesView(context, statements, Finance.partners(partners, context.caller()), live,
                Clock.systemUTC());
    }
}
