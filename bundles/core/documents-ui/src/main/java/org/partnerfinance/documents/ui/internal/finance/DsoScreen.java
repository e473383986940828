package org.partnerfinance.documents.ui.internal.finance;

import java.time.Clock;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.partnerfinance.documents.api.StatementService;
import org.partnerfinance.extensions.api.ExtensionConstants;
import org.partnerfinance.partner.api.PartnerService;
import org.partnerfinance.ui.api.Screen;
import org.partnerfinance.ui.api.ScreenContext;

/** "DSO": days sales outstanding overall and per partner, with the trend of the last twelve month ends. */
@Component(service = Screen.class, property = {
        ExtensionConstants.EXTENSION_ID + "=" + Finance.EXTENSION_ID,
        ExtensionConstants.EXTENSION_KIND + "=screen",
        ExtensionConstants.EXTENSION_NAME + "=" + Finance.EXTENSION_NAME,
        ExtensionConstants.EXTENSION_DETAIL + "=DSO (/" + Finance.DSO + ")" })
public class DsoScreen extends FinanceScreen {

    @Reference
    private StatementService statements;

    @Reference
    private PartnerService partners;

    public DsoScreen() {
        super(Finance.DSO, "DSO", "TRENDING_UP", 30, Finance.READERS);
    }

    @Override
    public com.vaadin.flow.component.Component create(ScreenContext context) {
        return new DsoView(context, statements, Finance.partners(partners, context.caller()), Clock.systemUTC());
    }
}
