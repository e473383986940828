package org.partnerfinance.documents.ui.internal;

import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.partnerfinance.documents.api.DocumentService;
import org.partnerfinance.extensions.api.ExtensionConstants;
import org.partnerfinance.security.api.Role;
import org.partnerfinance.ui.api.LiveUpdates;
import org.partnerfinance.ui.api.MenuSection;
import org.partnerfinance.ui.api.Screen;
import org.partnerfinance.ui.api.ScreenContext;

/** Detail of one payment: remittance information and what it settled. */
@Component(service = Screen.class, property = {
        ExtensionConstants.EXTENSION_ID + "=" + DocumentScreens.EXTENSION_ID,
        ExtensionConstants.EXTENSION_KIND + "=screen",
        ExtensionConstants.EXTENSION_NAME + "=" + DocumentScreens.EXTENSION_NAME,
        ExtensionConstants.EXTENSION_DETAIL + "=Payment (/" + DocumentScreens.PAYMENT_DETAIL + ")" })
public class PaymentDetailScreen implements Screen {

    @Reference
    private DocumentService documents;

    @Reference
    private LiveUpdates updates;

    @Override
    public String path() {
        return DocumentScreens.PAYMENT_DETAIL;
    }

    @Override
    public String title() {
        return "Payment";
    }

    @Override
    public String icon() {
        return "MONEY";
    }

    @Override
    public MenuSection section() {
        return MenuSection.FINANCE;
    }

    @Override
    public int order() {
        return 21;
    }

    @Override
    public Set<Role> roles() {
        return DocumentScreens.ROLES;
    }

    @Override
    public boolean inMenu() {
        return false;
    }

    @Override
    public com.vaadin.flow.component.Component create(ScreenContext context) {
        return new PaymentDetailView(context, documents, updates);
    }
}
