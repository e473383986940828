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

/** "Payments": payments both ways with their remittance information. */
@Component(service = Screen.class, property = {
        ExtensionConstants.EXTENSION_ID + "=" + DocumentScreens.EXTENSION_ID,
        ExtensionConstants.EXTENSION_KIND + "=screen",
        ExtensionConstants.EXTENSION_NAME + "=" + DocumentScreens.EXTENSION_NAME,
        ExtensionConstants.EXTENSION_DETAIL + "=Payments (/" + DocumentScreens.PAYMENTS + ")" })
public class PaymentsScreen implements Screen {

    @Reference
    private DocumentService documents;

    @Reference
    private LiveUpdates updates;

    @Override
    public String path() {
        return DocumentScreens.PAYMENTS;
    }

    @Override
    public String title() {
        return "Payments";
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
        return 20;
    }

    @Override
    public Set<Role> roles() {
        return DocumentScreens.ROLES;
    }

    @Override
    public boolean inMenu() {
        return true;
    }

    @Override
    public com.vaadin.flow.component.Component create(ScreenContext context) {
        return new PaymentsView(context, documents, updates);
    }
}
