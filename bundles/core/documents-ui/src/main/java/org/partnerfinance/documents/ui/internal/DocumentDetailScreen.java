package org.partnerfinance.documents.ui.internal;

import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.partnerfinance.audit.api.AuditProofs;
import org.partnerfinance.documents.api.DisputeService;
import org.partnerfinance.documents.api.DocumentFormats;
import org.partnerfinance.documents.api.DocumentRenderer;
import org.partnerfinance.documents.api.DocumentService;
import org.partnerfinance.extensions.api.ExtensionConstants;
import org.partnerfinance.partner.api.PartnerService;
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

/** Detail of one invoice or credit note (reached from the lists). */
@Component(service = Screen.class, property = {
        ExtensionConstants.EXTENSION_ID + "=" + DocumentScreens.EXTENSION_ID,
        ExtensionConstants.EXTENSION_KIND + "=screen",
        ExtensionConstants.EXTENSION_NAME + "=" + DocumentScreens.EXTENSION_NAME,
        ExtensionConstants.EXTENSION_DETAIL + "=Document (/" + DocumentScreens.DETAIL + ")" })
@ScreenPath(DocumentScreens.DETAIL)
@Title("Document")
@Icon(VaadinIcon.FILE_TEXT_O)
@Order(11)
@Roles({ Role.PARTNER_USER, Role.PARTNER_ADMIN, Role.FINANCE_REVIEWER, Role.FINANCE_MANAGER, Role.ADMINISTRATOR })
public class DocumentDetailScreen implements Screen {

    @Reference
    private DocumentService documents;

    @Reference
    private DisputeService disputes;

    @Reference
    private DocumentRenderer renderer;

    @Reference
    private PartnerService partners;

    @Reference
    private LiveUpdates updates;

    @Reference
    private AuditProofs proofs;

    /** Downloads in other formats that installed bundles offer (e.g. Peppol UBL); they come and go with them. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<DocumentFormats> formats = List.of();

    @Override
    public com.vaadin.flow.component.Component create(ScreenContext context) {
        return new DocumentDetailView(context, documents, disputes, renderer, partners, updates,
                () -> Optional.of(proofs.publicKeyPem()), () -> formats);
    }
}
