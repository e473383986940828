package org.partnerfinance.documents.ui.internal.finance;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.partnerfinance.documents.api.DisputeService;
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

/** "Dispute queue": open disputes of all partners; finance managers accept or reject them. */
@Component(service = Screen.class, property = {
        ExtensionConstants.EXTENSION_ID + "=" + Finance.EXTENSION_ID,
        ExtensionConstants.EXTENSION_KIND + "=screen",
        ExtensionConstants.EXTENSION_NAME + "=" + Finance.EXTENSION_NAME,
        ExtensionConstants.EXTENSION_DETAIL + "=Dispute queue (/" + Finance.DISPUTES + ")" })
@ScreenPath(Finance.DISPUTES)
@Title("Dispute queue")
@Icon(VaadinIcon.SCALE_UNBALANCE)
@Section(MenuSection.FINANCE)
@Order(50)
@Roles({ Role.FINANCE_REVIEWER, Role.FINANCE_MANAGER, Role.ADMINISTRATOR })
public class DisputesScreen implements Screen {

    @Reference
    private DisputeService disputes;

    @Reference
    private PartnerService partners;

    @Reference
    private LiveUpdates live;

    @Override
    public com.vaadin.flow.component.Component create(ScreenContext context) {
        return new DisputeQueueView(context, disputes, Finance.partners(partners, context.caller()), live);
    }
}
