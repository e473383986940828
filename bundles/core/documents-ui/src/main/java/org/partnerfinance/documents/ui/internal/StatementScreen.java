package org.partnerfinance.documents.ui.internal;

import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.partnerfinance.documents.api.DocumentRenderer;
import org.partnerfinance.documents.api.StatementService;
import org.partnerfinance.extensions.api.ExtensionConstants;
import org.partnerfinance.partner.api.PartnerService;
import org.partnerfinance.security.api.Role;
import org.partnerfinance.ui.api.LiveUpdates;
import org.partnerfinance.ui.api.MenuSection;
import org.partnerfinance.ui.api.Screen;
import org.partnerfinance.ui.api.ScreenContext;

/** "Statement of account": per currency as of any date, with aging, as CSV and PDF. */
@Component(service = Screen.class, property = {
        ExtensionConstants.EXTENSION_ID + "=" + DocumentScreens.EXTENSION_ID,
        ExtensionConstants.EXTENSION_KIND + "=screen",
        ExtensionConstants.EXTENSION_NAME + "=" + DocumentScreens.EXTENSION_NAME,
        ExtensionConstants.EXTENSION_DETAIL + "=Statement of account (/" + DocumentScreens.STATEMENT + ")" })
public class StatementScreen implements Screen {

    @Reference
    private StatementService statements;

    @Reference
    private DocumentRenderer renderer;

    @Reference
    private PartnerService partners;

    @Reference
    private LiveUpdates updates;

    @Override
    public String path() {
        return DocumentScreens.STATEMENT;
    }

    @Override
    public String title() {
        return "Statement of account";
    }

    @Override
    public String icon() {
        return "BOOK_DOLLAR";
    }

    @Override
    public MenuSection section() {
        return MenuSection.FINANCE;
    }

    @Override
    public int order() {
        return 30;
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
        return new StatementView(context, statements, renderer, partners, updates);
    }
}
