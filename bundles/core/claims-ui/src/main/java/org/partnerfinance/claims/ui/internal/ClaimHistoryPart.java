package org.partnerfinance.claims.ui.internal;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.partnerfinance.claims.api.Claim;
import org.partnerfinance.claims.api.ClaimEvent;
import org.partnerfinance.claims.api.ClaimService;
import org.partnerfinance.security.api.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasComponents;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/**
 * The claim's status history from the audit trail, read through the claims service (which authorizes the read), with
 * a downloadable proof per record and the public key to check the proofs with.
 */
final class ClaimHistoryPart implements ClaimDetailPart {

    private static final Logger LOG = LoggerFactory.getLogger(ClaimHistoryPart.class);

    private final ClaimService claims;
    private final Caller caller;
    private final Supplier<Optional<String>> auditPublicKey;

    /**
     * @param auditPublicKey the audit trail's public key (PEM) that partners check downloaded proofs with; empty while
     *                       the audit service is not there
     */
    ClaimHistoryPart(ClaimService claims, Caller caller, Supplier<Optional<String>> auditPublicKey) {
        this.claims = claims;
        this.caller = caller;
        this.auditPublicKey = auditPublicKey;
    }

    @Override
    public void addTo(HasComponents page, Claim c) {
        List<ClaimEvent> events;
        try {
            events = claims.history(caller, c.id());
        } catch (RuntimeException e) {
            // the rest of the page is still useful without the history
            LOG.warn("Could not read the history of claim {}: {}", c.id(), e.getMessage(), e);
            return;
        }
        if (events.isEmpty()) {
            return;
        }
        Grid<ClaimEvent> grid = new Grid<>();
        grid.setId("claim-history");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_NO_BORDER);
        grid.setAllRowsVisible(true);
        grid.addColumn(r -> Ui.dateTime(r.at())).setHeader("When").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(ClaimEvent::actor).setHeader("Who").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(ClaimEvent::action).setHeader("What").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(ClaimEvent::after).setHeader("State after");
        // A proof lets the partner show anyone that this record is in the signed audit trail, without the portal.
        grid.addComponentColumn(r -> proofCell(c.id(), r)).setHeader("Proof").setAutoWidth(true).setFlexGrow(0);
        grid.setItems(events);
        Anchor key = new Anchor(ProofDownload.publicKey(auditPublicKey), AttachmentType.DOWNLOAD,
                "Download the audit public key");
        key.setId("claim-history-public-key");
        Span how = new Span();
        how.setText("Each proof is a JSON file that anyone can check without the portal against this public key, "
                + "e.g. with the portal's verifier (docs/audit-proof/VerifyAuditProof.java, needs Java 17): "
                + "java VerifyAuditProof.java proof.json public-key.pem");
        how.getStyle().set("color", "var(--lumo-secondary-text-color)");
        VerticalLayout content = new VerticalLayout(grid, key, how);
        content.setPadding(false);
        Details details = new Details("History (" + events.size() + ")", content);
        details.setWidthFull();
        page.add(details);
    }

    /** A download of the record's proof, produced (and authorised) when clicked; nothing for an unknown record. */
    Component proofCell(long claimId, ClaimEvent r) {
        if (r.sequence() <= 0) {
            return new Span();
        }
        Anchor proof = new Anchor(ProofDownload.proof(claims, caller, claimId, r.sequence()), AttachmentType.DOWNLOAD,
                "Download proof");
        proof.setId("claim-history-proof-" + r.sequence());
        return proof;
    }
}
