package org.partnerfinance.connectors.ui.internal;

import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.partnerfinance.connectors.api.ExportService;
import org.partnerfinance.documents.api.DocumentService;
import org.partnerfinance.extensions.api.ExtensionConstants;
import org.partnerfinance.partner.api.PartnerService;
import org.partnerfinance.security.api.Role;
import org.partnerfinance.ui.api.MenuSection;
import org.partnerfinance.ui.api.Screen;
import org.partnerfinance.ui.api.ScreenContext;

/**
 * "Payment orders" (finance/payment-orders): the scheduled payments to partners, of which finance selects some and
 * creates a payment order file for the bank (pain.001) with an installed export connector; earlier orders with their
 * files. For finance managers (the role the export service accepts from the portal).
 */
@Component(service = Screen.class, property = {
        ExtensionConstants.EXTENSION_ID + "=" + PaymentOrdersScreen.EXTENSION_ID,
        ExtensionConstants.EXTENSION_KIND + "=screen",
        ExtensionConstants.EXTENSION_NAME + "=Payment orders",
        ExtensionConstants.EXTENSION_DETAIL + "=Scheduled payments to partners into pain.001 files "
                + "(/finance/payment-orders)" })
public class PaymentOrdersScreen implements Screen {

    static final String EXTENSION_ID = "payment-orders-ui";

    @Reference
    private ExportService exports;

    @Reference
    private DocumentService documents;

    @Reference
    private PartnerService partners;

    @Override
    public String path() {
        return "finance/payment-orders";
    }

    @Override
    public String title() {
        return "Payment orders";
    }

    @Override
    public String icon() {
        return "PAPERPLANE";
    }

    @Override
    public MenuSection section() {
        return MenuSection.FINANCE;
    }

    @Override
    public int order() {
        return 60;
    }

    @Override
    public Set<Role> roles() {
        return Set.of(Role.FINANCE_MANAGER);
    }

    @Override
    public com.vaadin.flow.component.Component create(ScreenContext context) {
        return new PaymentOrdersView(context, exports, documents, partners);
    }
}
