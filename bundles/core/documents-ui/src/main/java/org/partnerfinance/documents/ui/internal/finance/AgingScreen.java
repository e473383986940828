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

/** "Receivables aging": every partner's open receivables by days overdue, with totals and a chart. */
@Component(service = Screen.class, property = {
        ExtensionConstants.EXTENSION_ID + "=" + Finance.EXTENSION_ID,
        ExtensionConstants.EXTENSION_KIND + "=screen",
        ExtensionConstants.EXTENSION_NAME + "=" + Finance.EXTENSION_NAME,
        ExtensionConstants.EXTENSION_DETAIL + "=Receivables aging (/" + Finance.AGING + ")" })
public class AgingScreen extends FinanceScreen {

    @Reference
    private StatementService statements;

    @Reference
    private PartnerService partners;

    @Reference
    private LiveUpdates live;

    public AgingScreen() {
        super(Finance.AGING, "Receivables aging", "BAR_CHART_H", 10, Finance.READERS);
    }

    @Override
    public com.vaadin.flow.component.Component create(ScreenContext context) {
        return new AgingView(context, statements, Finance.partners(partners, context.caller()), live,
                Clock.systemUTC());
    }
}
