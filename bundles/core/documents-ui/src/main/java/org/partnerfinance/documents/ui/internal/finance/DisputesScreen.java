package org.partnerfinance.documents.ui.internal.finance;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.partnerfinance.documents.api.DisputeService;
import org.partnerfinance.extensions.api.ExtensionConstants;
import org.partnerfinance.partner.api.PartnerService;
import org.partnerfinance.ui.api.LiveUpdates;
import org.partnerfinance.ui.api.Screen;
import org.partnerfinance.ui.api.ScreenContext;

/** "Dispute queue": open disputes of all partners; finance managers accept or reject them. */
@Component(service = Screen.class, property = {
        ExtensionConstants.EXTENSION_ID + "=" + Finance.EXTENSION_ID,
        ExtensionConstants.EXTENSION_KIND + "=screen",
        ExtensionConstants.EXTENSION_NAME + "=" + Finance.EXTENSION_NAME,
        ExtensionConstants.EXTENSION_DETAIL + "=Dispute queue (/" + Finance.DISPUTES + ")" })
public class DisputesScreen extends FinanceScreen {

    @Reference
    private DisputeService disputes;

    @Reference
    private PartnerService partners;

    @Reference
    private LiveUpdates live;

    public DisputesScreen() {
        super(Finance.DISPUTES, "Dispute queue", "SCALE_UNBALANCE", 50, Finance.READERS);
    }

    @Override
    public com.vaadin.flow.component.Component create(ScreenContext context) {
        return new DisputeQueueView(context, disputes, Finance.partners(partners, context.caller()), live);
    }
}
