package org.partnerfinance.widget.myclaims.internal;

import java.util.List;
import java.util.Objects;

import org.partnerfinance.claims.api.ClaimService;
import org.partnerfinance.security.api.AccessDeniedException;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.ui.api.LiveUpdates;
import org.partnerfinance.ui.api.ScreenContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/** The card content: claims by status as badges, a bar chart of the counts, totals per currency, a link. */
final class MyClaimsCard extends VerticalLayout {

    private static final Logger LOG = LoggerFactory.getLogger(MyClaimsCard.class);

    private final ClaimService claims;
    private final Caller caller;
    private final Div body = new Div();

    MyClaimsCard(ScreenContext context, ClaimService claims, LiveUpdates live) {
        this.claims = claims;
        this.caller = context.caller();
        setId("widget-my-claims-content");
        setPadding(false);
        body.setWidthFull();
        Button open = new Button("Open my claims", VaadinIcon.ARROW_RIGHT.create(), e -> context.navigate("claims"));
        open.setIconAfterText(true);
        open.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        open.setId("widget-my-claims-open");
        add(body, open);
        refresh();
        String partnerId = caller.partnerId();
        live.subscribe(this, LiveUpdates.CLAIMS, p -> Objects.equals(p, partnerId), this::refresh);
    }

    void refresh() {
        body.removeAll();
        List<StatusSummary> summaries;
        try {
            summaries = StatusSummary.of(claims.totals(caller, caller.partnerId()));
        } catch (AccessDeniedException | IllegalArgumentException e) {
            body.add(text(e.getMessage()));
            return;
        } catch (RuntimeException e) {
            LOG.warn("Reading claim totals for {} failed", caller.partnerId(), e);
            body.add(text("Claim totals are not available right now."));
            return;
        }
        if (summaries.isEmpty()) {
            body.add(text("No claims yet."));
            return;
        }
        FlexLayout badges = new FlexLayout();
        badges.setId("widget-my-claims-badges");
        badges.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        badges.setAlignItems(FlexComponent.Alignment.CENTER);
        badges.getStyle().set("gap", "var(--lumo-space-s)");
        for (StatusSummary s : summaries) {
            Span badge = new Span();
            badge.setText(s.label() + " " + s.count());
            badge.getElement().getThemeList().addAll(s.badgeTheme());
            badge.setId("widget-my-claims-" + s.status().name().toLowerCase(java.util.Locale.ROOT));
            badges.add(badge);
        }
        List<StatusBars.Bar> bars = summaries.stream()
                .map(s -> new StatusBars.Bar(s.label(), s.count(), s.barColor())).toList();
        Svg chart = new Svg(StatusBars.svg(bars, "Claims by status"));
        chart.setId("widget-my-claims-chart");
        chart.getStyle().set("margin", "var(--lumo-space-s) 0");

        VerticalLayout totals = new VerticalLayout();
        totals.setPadding(false);
        totals.setSpacing(false);
        for (StatusSummary s : summaries) {
            if (!s.totals().isEmpty()) {
                Span line = text(s.label() + ": " + s.totalsText());
                line.getStyle().set("font-size", "var(--lumo-font-size-s)");
                totals.add(line);
            }
        }
        body.add(badges, chart, totals);
    }

    private static Span text(String value) {
        Span span = new Span();
        span.setText(value);
        return span;
    }
}
