package org.partnerfinance.connectors.ui.internal;

import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.partnerfinance.connectors.api.ExportService;
import org.partnerfinance.documents.api.DocumentService;
import org.partnerfinance.extensions.api.ExtensionConstants;
import org.partnerfinance.security.api.Role;
import org.partnerfinance.ui.api.MenuSection;
import org.partnerfinance.ui.api.Screen;
import org.partnerfinance.ui.api.ScreenContext;

/**
 * "E-invoices" (finance/e-invoices): the company's invoices and credit notes to partners, of which finance selects
 * some and downloads them in an e-invoicing format (Peppol BIS Billing 3.0 UBL) with an installed document export
 * connector; earlier exports with their files. For finance reviewers and managers.
 */
@Component(service = Screen.class, property = {
        ExtensionConstants.EXTENSION_ID + "=" + ReceivablesExportScreen.EXTENSION_ID,
        ExtensionConstants.EXTENSION_KIND + "=screen",
        ExtensionConstants.EXTENSION_NAME + "=E-invoices",
        ExtensionConstants.EXTENSION_DETAIL + "=Receivables downloaded as Peppol UBL e-invoices (/finance/e-invoices)" })
public class ReceivablesExportScreen implements Screen {

    static final String EXTENSION_ID = "e-invoices-ui";

    @Reference
    private ExportService exports;

    @Reference
    private DocumentService documents;

    @Override
    public String path() {
        return "finance/e-invoices";
    }

    @Override
    public String title() {
        return "E-invoices";
    }

    @Override
    public String icon() {
        return "FILE_CODE";
    }

    @Override
    public MenuSection section() {
        return MenuSection.FINANCE;
    }

    @Override
    public int order() {
        return 61;
    }

    @Override
    public Set<Role> roles() {
        return Set.of(Role.FINANCE_REVIEWER, Role.FINANCE_MANAGER);
    }

    @Override
    public com.vaadin.flow.component.Component create(ScreenContext context) {
        return new ReceivablesExportView(context, exports, documents);
    }
}
