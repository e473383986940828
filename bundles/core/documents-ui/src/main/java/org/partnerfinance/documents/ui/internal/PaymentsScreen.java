package org.partnerfinance.documents.ui.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.partnerfinance.documents.api.DocumentService;
import org.partnerfinance.extensions.api.ExtensionConstants;
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

/** "Payments": payments both ways with their remittance information. */
@Component(service = Screen.class, property = {
        ExtensionConstants.EXTENSION_ID + "=" + DocumentScreens.EXTENSION_ID,
        ExtensionConstants.EXTENSION_KIND + "=screen",
        ExtensionConstants.EXTENSION_NAME + "=" + DocumentScreens.EXTENSION_NAME,
        ExtensionConstants.EXTENSION_DETAIL + "=Payments (/" + DocumentScreens.PAYMENTS + ")" })
@ScreenPath(DocumentScreens.PAYMENTS)
@Title("Payments")
@Icon(VaadinIcon.MONEY)
@Section(MenuSection.FINANCE)
@Order(20)
@Roles({ Role.PARTNER_USER, Role.PARTNER_ADMIN, Role.FINANCE_REVIEWER, Role.FINANCE_MANAGER, Role.ADMINISTRATOR })
public class PaymentsScreen implements Screen {

    @Reference
    private DocumentService documents;

    @Reference
    private LiveUpdates updates;

    @Override
    public com.vaadin.flow.component.Component create(ScreenContext context) {
        return new PaymentsView(context, documents, updates);
    }
}
