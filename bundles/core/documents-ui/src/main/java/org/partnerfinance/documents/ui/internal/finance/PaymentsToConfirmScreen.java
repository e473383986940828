package org.partnerfinance.documents.ui.internal.finance;

import java.time.Clock;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.partnerfinance.documents.api.DocumentService;
import org.partnerfinance.extensions.api.ExtensionConstants;
import org.partnerfinance.partner.api.PartnerService;
import org.partnerfinance.security.api.Role;
import org.partnerfinance.ui.api.Icon;
import org.partnerfinance.ui.api.LiveUpdates;
import org.partnerfinance.ui.api.MenuSection;
import org.partnerfinance.ui.api.Order;
import org.partnerfinance.ui.api.Roles;
import org.partnerfinance.ui.api.Screen;
import org.partnerfinance.ui.api.ScreenContext;
import org.partnerfinance.ui.api.ScreenPath;
import org.partnerfinance.ui.api.Section;
import org.partnerfinance.ui.api.Title;

import com.vaadin.flow.component.icon.VaadinIcon;

/** "Payments to confirm": reported and scheduled payments that finance confirms by hand with the bank's reference. */
@Component(service = Screen.class, property = {
        ExtensionConstants.EXTENSION_ID + "=" + Finance.EXTENSION_ID,
        ExtensionConstants.EXTENSION_KIND + "=screen",
        ExtensionConstants.EXTENSION_NAME + "=" + Finance.EXTENSION_NAME,
        ExtensionConstants.EXTENSION_DETAIL + "=Payments to confirm (/" + Finance.PAYMENTS_TO_CONFIRM + ")" })
@ScreenPath(Finance.PAYMENTS_TO_CONFIRM)
@Title("Payments to confirm")
@Icon(VaadinIcon.CHECK_CIRCLE_O)
@Section(MenuSection.FINANCE)
@Order(60)
@Roles({ Role.FINANCE_REVIEWER, Role.FINANCE_MANAGER })
public class PaymentsToConfirmScreen implements Screen {

    @Reference
    private DocumentService documents;

    @Reference
    private PartnerService partners;

    @Reference
    private LiveUpdates live;

    @Override
    public com.vaadin.flow.component.Component create(ScreenContext context) {
        return new PaymentsToConfirmView(context, documents, Finance.partners(partners, context.caller()), live,
                Clock.systemUTC());
    }
}
