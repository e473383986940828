package org.partnerfinance.claimtype.rebate.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;

import org.partnerfinance.claims.api.Claim;
import org.partnerfinance.claims.api.ClaimDraft;
import org.partnerfinance.claims.api.ClaimService;
import org.partnerfinance.claims.api.ClaimValidationException;
import org.partnerfinance.claims.api.Problem;
import org.partnerfinance.claimtype.rebate.api.RebateService;
import org.partnerfinance.claimtype.rebate.api.RebateStanding;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.ui.api.LiveUpdates;
import org.partnerfinance.ui.api.ScreenContext;

/**
 * The partner's "My rebates": per agreement what it earned, what is claimed, the tier watchlist with a progress bar
 * towards the next tier, and a button that claims the earned, not yet claimed amount through the claims core.
 */
final class MyRebatesView extends VerticalLayout {

    private static final long serialVersionUID = 1L;

    private final transient RebateService rebates;
    private final transient ClaimService claims;
    private final transient ScreenContext context;
    private final transient Caller caller;
    private final transient Clock clock;
    final Div list = new Div();

    MyRebatesView(ScreenContext context, RebateService rebates, ClaimService claims, LiveUpdates updates,
            Clock clock) {
        this.context = context;
        this.rebates = rebates;
        this.claims = claims;
        this.caller = context.caller();
        this.clock = clock;
        list.setId("my-rebates");
        list.setWidthFull();
        add(list);
        if (updates != null) {
            String mine = caller.partnerId();
            updates.subscribe(this, RebateService.LIVE_TOPIC, p -> Objects.equals(p, mine), this::refresh);
            updates.subscribe(this, LiveUpdates.CLAIMS, p -> Objects.equals(p, mine), this::refresh);
        }
        refresh();
    }

    void refresh() {
        list.removeAll();
        try {
            List<RebateStanding> standings = rebates.standings(caller, caller.partnerId());
            if (standings.isEmpty()) {
                list.add(text("No rebate agreements yet."));
            }
            for (RebateStanding s : standings) {
                list.add(card(s));
            }
        } catch (RuntimeException e) {
            list.add(text(RebateUi.messageOf(e)));
        }
    }

    private VerticalLayout card(RebateStanding s) {
        var a = s.agreement();
        H3 title = new H3();
        title.setText(a.terms().name() + " (" + a.reference() + ")");
        ProgressBar bar = new ProgressBar(0, 1, s.progressToNext());
        bar.setId("watch-" + a.reference());
        Span watch = text(RebateUi.watchlist(s));
        watch.addClassName("rebate-watchlist");
        VerticalLayout card = new VerticalLayout(title,
                text("Period " + a.terms().validFrom() + " – " + a.terms().validTo() + ", "
                        + (a.terms().mode().name().equals("RETROACTIVE") ? "retroactive" : "incremental") + " rates"
                        + (a.terms().cap() == null ? "" : ", cap " + a.terms().currency().getCurrencyCode() + " "
                                + a.terms().cap().toPlainString())),
                text("Earned " + a.earned().format() + " · claimed " + s.claimed().format() + " · can be claimed "
                        + s.claimable().format()),
                watch, bar);
        card.setPadding(false);
        if (s.claimable().signum() > 0) {
            Button claim = new Button("Claim " + s.claimable().format());
            claim.setId("claim-" + a.reference());
            claim.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            claim.addClickListener(e -> claim(s));
            card.add(claim);
        }
        return card;
    }

    private void claim(RebateStanding s) {
        var a = s.agreement();
        try {
            Claim claim = claims.submitNew(caller, new ClaimDraft(RebateClaimType.TYPE_ID, caller.partnerId(),
                    LocalDate.now(clock), "Earned rebate of " + a.terms().name() + " (" + a.reference() + ")",
                    s.claimable(), Map.of(RebateClaimType.AGREEMENT, a.reference()), List.of()));
            context.notify("Claim " + claim.reference() + " over " + claim.amount().format() + " submitted.", false);
            refresh();
        } catch (ClaimValidationException e) {
            context.notify(String.join(" ", e.problems().stream().map(Problem::message).toList()), true);
        } catch (RuntimeException e) {
            context.notify(RebateUi.messageOf(e), true);
        }
    }

    private static Span text(String s) {
        Span span = new Span();
        span.setText(s);
        return span;
    }
}
