package org.partnerfinance.connector.camt.internal.ui;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.partnerfinance.connector.camt.ReconciliationQueue;
import org.partnerfinance.extensions.api.ExtensionConstants;
import org.partnerfinance.partner.api.PartnerService;
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

/**
 * "Bank reconciliation" (finance/bank-reconciliation): the bank entries the camt import could not match unambiguously,
 * with ranked suggestions, a one-click match, a split across documents and a dismissal with a reason. Part of the camt
 * connector's feature and switched off with it (same extension id).
 */
@Component(service = Screen.class, property = {
        ExtensionConstants.EXTENSION_ID + "=camt",
        ExtensionConstants.EXTENSION_KIND + "=screen",
        ExtensionConstants.EXTENSION_NAME + "=Bank reconciliation",
        ExtensionConstants.EXTENSION_DETAIL + "=Unmatched bank entries of camt imports (/finance/bank-reconciliation)" })
@ScreenPath(ReconciliationScreen.PATH)
@Title("Bank reconciliation")
@Icon(VaadinIcon.EXCHANGE)
@Section(MenuSection.FINANCE)
@Order(60)
@Roles({ Role.FINANCE_REVIEWER, Role.FINANCE_MANAGER })
public class ReconciliationScreen implements Screen {

    static final String PATH = "finance/bank-reconciliation";

    private final ReconciliationQueue queue;
    private final PartnerService partners;

    @Activate
    public ReconciliationScreen(@Reference(name = "queue") ReconciliationQueue queue,
            @Reference(name = "partners") PartnerService partners) {
        this.queue = queue;
        this.partners = partners;
    }

    @Override
    public com.vaadin.flow.component.Component create(ScreenContext context) {
        return new ReconciliationView(context, queue, partners);
    }
}
