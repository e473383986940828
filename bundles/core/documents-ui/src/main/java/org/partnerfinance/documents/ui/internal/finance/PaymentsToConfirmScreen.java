package org.partnerfinance.documents.ui.internal.finance;

import java.time.Clock;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.partnerfinance.documents.api.DocumentService;
import org.partnerfinance.extensions.api.ExtensionConstants;
import org.partnerfinance.partner.api.PartnerService;
import org.partnerfinance.ui.api.LiveUpdates;
import org.partnerfinance.ui.api.Screen;
import org.partnerfinance.ui.api.ScreenContext;

/** "Payments to confirm": reported and scheduled payments that finance confirms by hand with the bank's reference. */
@Component(service = Screen.class, property = {
        ExtensionConstants.EXTENSION_ID + "=" + Finance.EXTENSION_ID,
        ExtensionConstants.EXTENSION_KIND + "=screen",
        ExtensionConstants.EXTENSION_NAME + "=" + Finance.EXTENSION_NAME,
        ExtensionConstants.EXTENSION_DETAIL + "=Payments to confirm (/" + Finance.PAYMENTS_TO_CONFIRM + ")" })
public class PaymentsToConfirmScreen extends FinanceScreen {

    @Reference
    private DocumentService documents;

    @Reference
    private PartnerService partners;

    @Reference
    private LiveUpdates live;

    public PaymentsToConfirmScreen() {
        super(Finance.PAYMENTS_TO_CONFIRM, "Payments to confirm", "CHECK_CIRCLE_O", 60, Finance.FINANCE_STAFF);
    }

    @Override
    public com.vaadin.flow.component.Component create(ScreenContext context) {
        return new PaymentsToConfirmView(context, documents, Finance.partners(partners, context.caller()), live,
                Clock.systemUTC());
    }
}
