package org.partnerfinance.claims.ui.internal;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import org.partnerfinance.claims.api.Claim;
import org.partnerfinance.claims.api.ClaimService;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.ui.api.LiveUpdates;
import org.partnerfinance.ui.api.ScreenContext;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/**
 * One claim with everything stored about it, its receipts (viewable in the page and in a new tab), compliance findings
 * and history; finance staff decide on it here. The page reads the claim with its caller and lets its parts
 * ({@link ClaimDetailPart}) show it, top to bottom; it re-reads itself when the claim changes elsewhere.
 */
final class ClaimDetailView extends VerticalLayout {

    private final ScreenContext context;
    private final ClaimService claims;
    private final Caller caller;
    private final long claimId;
    private final List<ClaimDetailPart> parts;
    /** Partner of the claim shown, once read: only its changes (and type changes) refresh the page. */
    private volatile String partnerId;

    /**
     * @param partnerName    a partner's name by id, or {@code null}
     * @param auditPublicKey the audit trail's public key (PEM) that partners check downloaded proofs with; empty while
     *                       the audit service is not there
     */
    ClaimDetailView(ScreenContext context, ClaimService claims, LiveUpdates live,
            Function<String, String> partnerName, Supplier<Optional<String>> auditPublicKey) {
        this.context = context;
        this.claims = claims;
        this.caller = context.caller();
        this.claimId = parseId(context.parameter("id"));
        Function<String, String> partnerLabel = id -> {
            String name = partnerName.apply(id);
            return id + (name == null || name.isBlank() ? "" : " " + name);
        };
        this.parts = List.of(
                new ClaimSummaryPart(),
                new ClaimWorkflowPart(),
                new ClaimSettlementPart(context, claims),
                new ClaimActionsPart(context, claims, partnerLabel, this::refresh),
                new ClaimFieldsPart(claims, caller, partnerLabel),
                new ClaimFindingsPart(),
                new ClaimHistoryPart(claims, caller, auditPublicKey));
        setPadding(false);
        setWidthFull();
        refresh();
        if (claimId > 0) {
            live.subscribe(this, LiveUpdates.CLAIMS, p -> p == null || p.equals(partnerId), this::refresh);
        }
    }

    static long parseId(String value) {
        if (value == null) {
            return -1;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Re-reads the claim with this view's caller and rebuilds the view. */
    void refresh() {
        removeAll();
        add(backButton());
        if (claimId <= 0) {
            add(notice("No claim selected: the address needs a claim id, e.g. claims/detail?id=42."));
            return;
        }
        Optional<Claim> found;
        try {
            found = claims.find(caller, claimId);
        } catch (RuntimeException e) {
            add(notice(Ui.messageOf(e)));
            return;
        }
        if (found.isEmpty()) {
            add(notice("Claim " + claimId + " does not exist or you may not see it."));
            return;
        }
        partnerId = found.get().partnerId();
        for (ClaimDetailPart part : parts) {
            part.addTo(this, found.get());
        }
    }

    private static Component notice(String text) {
        Span span = new Span();
        span.setText(text);
        span.setId("claim-message");
        return span;
    }

    private Button backButton() {
        boolean finance = caller.isFinance() && !caller.isPartner();
        Button back = new Button(finance ? "Review queue" : "My claims", VaadinIcon.ARROW_LEFT.create(),
                e -> context.navigate(finance ? "review" : "claims"));
        back.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        back.setId("claim-back");
        return back;
    }
}
