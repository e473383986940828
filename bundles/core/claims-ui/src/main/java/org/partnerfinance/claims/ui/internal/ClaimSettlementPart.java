package org.partnerfinance.claims.ui.internal;

import java.util.Optional;

import org.partnerfinance.claims.api.Claim;
import org.partnerfinance.claims.api.ClaimService;
import org.partnerfinance.claims.api.ClaimSettlement;
import org.partnerfinance.claims.api.ClaimStatus;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.ui.api.ScreenContext;

import com.vaadin.flow.component.HasComponents;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;

/**
 * How a scheduled or paid claim is settled, e.g. "Settlement scheduled for 2026-12-31 as payment", with a link to the
 * settlement document (the partner's statement shows the same document).
 */
final class ClaimSettlementPart implements ClaimDetailPart {

    /** The documents screens' detail route (pf-documents-ui). */
    static final String DOCUMENT_DETAIL = "documents/detail?id=";

    private final ScreenContext context;
    private final ClaimService claims;
    private final Caller caller;

    ClaimSettlementPart(ScreenContext context, ClaimService claims) {
        this.context = context;
        this.claims = claims;
        this.caller = context.caller();
    }

    @Override
    public void addTo(HasComponents page, Claim claim) {
        if (claim.status() != ClaimStatus.SCHEDULED && claim.status() != ClaimStatus.PAID) {
            return;
        }
        Optional<ClaimSettlement> settlement = claims.settlement(caller, claim.id());
        if (settlement.isEmpty()) {
            return; // paid by hand before settlements existed: the payment reference tells it
        }
        Span label = new Span();
        label.setText(settlement.get().label() + " · " + Ui.money(settlement.get().amount()));
        label.setId("claim-settlement");
        HorizontalLayout row = new HorizontalLayout(label);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        Long documentId = settlement.get().plan().documentId();
        if (documentId != null) {
            Button document = new Button("Document " + settlement.get().plan().documentNumber(),
                    e -> context.navigate(DOCUMENT_DETAIL + documentId));
            document.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            document.setId("claim-settlement-document");
            row.add(document);
        }
        page.add(ClaimDetailPart.section("Settlement", row));
    }
}
