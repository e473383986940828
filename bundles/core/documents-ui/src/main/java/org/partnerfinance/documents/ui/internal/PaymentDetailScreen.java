package org.partnerfinance.documents.ui.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.partnerfinance.documents.api.DocumentService;
import org.partnerfinance.extensions.api.ExtensionConstants;
import org.partnerfinance.security.api.Role;
import org.partnerfinance.ui.api.Icon;
import org.partnerfinance.ui.api.LiveUpdates;
import org.partnerfinance.ui.api.Order;
import org.partnerfinance.ui.api.Roles;
import org.partnerfinance.ui.api.Screen;
import org.partnerfinance.ui.api.ScreenContext;
import org.partnerfinance.ui.api.ScreenPath;
import org.partnerfinance.ui.api.Title;

import com.vaadin.flow.component.icon.VaadinIcon;

/** Detail of one payment: remittance information and what it settled. */
@Component(service = Screen.class, property = {
        ExtensionConstants.EXTENSION_ID + "=" + DocumentScreens.EXTENSION_ID,
        ExtensionConstants.EXTENSION_KIND + "=screen",
        ExtensionConstants.EXTENSION_NAME + "=" + DocumentScreens.EXTENSION_NAME,
        ExtensionConstants.EXTENSION_DETAIL + "=Payment (/" + DocumentScreens.PAYMENT_DETAIL + ")" })
@ScreenPath(DocumentScreens.PAYMENT_DETAIL)
@Title("Payment")
@Icon(VaadinIcon.MONEY)
@Order(21)
@Roles({ Role.PARTNER_USER, Role.PARTNER_ADMIN, Role.FINANCE_REVIEWER, Role.FINANCE_MANAGER, Role.ADMINISTRATOR })
public class PaymentDetailScreen implements Screen {

    @Reference
    private DocumentService documents;

    @Reference
    private LiveUpdates updates;

    @Override
    public com.vaadin.flow.component.Component create(ScreenContext context) {
        return new PaymentDetailView(context, documents, updates);
    }
}
