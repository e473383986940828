package org.partnerfinance.documents.ui.internal.finance;

import java.time.Clock;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.partnerfinance.documents.api.StatementService;
import org.partnerfinance.extensions.api.ExtensionConstants;
import org.partnerfinance.ui.api.Screen;
import org.partnerfinance.ui.api.ScreenContext;

/** "Reconciliation": the partner sub-ledger against the ledger's control accounts as of a date. */
@Component(service = Screen.class, property = {
        ExtensionConstants.EXTENSION_ID + "=" + Finance.EXTENSION_ID,
        ExtensionConstants.EXTENSION_KIND + "=screen",
        ExtensionConstants.EXTENSION_NAME + "=" + Finance.EXTENSION_NAME,
        ExtensionConstants.EXTENSION_DETAIL + "=Reconciliation (/" + Finance.RECONCILIATION + ")" })
public class ReconciliationScreen extends FinanceScreen {

    @Reference
    private StatementService statements;

    public ReconciliationScreen() {
        super(Finance.RECONCILIATION, "Reconciliation", "SCALE", 70, Finance.READERS);
    }

    @Override
    public com.vaadin.flow.component.Component create(ScreenContext context) {
        return new ReconciliationView(context, statements, Clock.systemUTC());
    }
}
