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

/** "Invoices & credit notes": both directions, filtered, sorted and paged in the database. */
@Component(service = Screen.class, property = {
        ExtensionConstants.EXTENSION_ID + "=" + DocumentScreens.EXTENSION_ID,
        ExtensionConstants.EXTENSION_KIND + "=screen",
        ExtensionConstants.EXTENSION_NAME + "=" + DocumentScreens.EXTENSION_NAME,
        ExtensionConstants.EXTENSION_DETAIL + "=Invoices and credit notes (/documents)" })
public class InvoicesScreen implements Screen {

    @Reference
    private DocumentService documents;

    @Reference
    private LiveUpdates updates;

    @Override
    public String path() {
        return DocumentScreens.INVOICES;
    }

    @Override
    public String title() {
        return "Invoices & credit notes";
    }

    @Override
    public String icon() {
        return "INVOICE";
    }

    @Override
    public MenuSection section() {
        return MenuSection.FINANCE;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public Set<Role> roles() {
        return DocumentScreens.ROLES;
    }

    @Override
    public com.vaadin.flow.component.Component create(ScreenContext context) {
        return new InvoicesView(context, documents, updates);
    }
}
