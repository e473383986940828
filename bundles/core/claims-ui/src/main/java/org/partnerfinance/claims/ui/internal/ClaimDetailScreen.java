package org.partnerfinance.claims.ui.internal;

import java.util.Optional;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.partnerfinance.audit.api.AuditProofs;
import org.partnerfinance.claims.api.ClaimService;
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

/** The detail page of one claim ({@code claims/detail?id=42}), reached from lists; no menu entry. */
@Component(service = Screen.class, property = {
        ExtensionConstants.EXTENSION_ID + "=" + ClaimsScreens.EXTENSION_ID,
        ExtensionConstants.EXTENSION_KIND + "=screen",
        ExtensionConstants.EXTENSION_NAME + "=" + ClaimsScreens.EXTENSION_NAME,
        ExtensionConstants.EXTENSION_DETAIL + "=Claim detail (/claims/detail)" })
@ScreenPath("claims/detail")
@Title("Claim")
@Icon(VaadinIcon.FILE_TEXT_O)
@Order(100)
@Roles({ Role.PARTNER_USER, Role.PARTNER_ADMIN, Role.FINANCE_REVIEWER, Role.FINANCE_MANAGER })
public class ClaimDetailScreen implements Screen {

    @Reference
    private ClaimService claims;

    @Reference
    private LiveUpdates live;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile PartnerService partners;

    /** Publishes the key that partners check downloaded audit proofs with. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile AuditProofs auditProofs;

    @Override
    public com.vaadin.flow.component.Component create(ScreenContext context) {
        return new ClaimDetailView(context, claims, live,
                id -> ClaimsScreens.partnerName(partners, context.caller()).apply(id),
                () -> Optional.ofNullable(auditProofs).map(AuditProofs::publicKeyPem));
    }
}
