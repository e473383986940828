package org.partnerfinance.widget.financeaging.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.partnerfinance.charts.api.StackedBarChart;
import org.partnerfinance.documents.api.Aging;
import org.partnerfinance.documents.api.AgingRow;
import org.partnerfinance.documents.api.StatementService;
import org.partnerfinance.ledger.api.Money;
import org.partnerfinance.partner.api.Partner;
import org.partnerfinance.partner.api.PartnerService;
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
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;

/** The card: a currency, the aging of all partners and of those most overdue as stacked bars, the overdue total. */
final class AgingCard extends VerticalLayout {

    private static final Logger LOG = LoggerFactory.getLogger(AgingCard.class);

    private final StatementService statements;
    private final Caller caller;
    private final Clock clock;
    private final Select<String> currency = new Select<>();
    private final Div body = new Div();

    AgingCard(ScreenContext context, StatementService statements, PartnerService partners, LiveUpdates live,
            Clock clock) {
        this.statements = statements;
        this.caller = context.caller();
        this.clock = clock;
        setId("widget-finance-aging-content");
        setPadding(false);
        body.setWidthFull();
        currency.setId("widget-finance-aging-currency");
        currency.setAriaLabel("Currency");
        currency.setWidth("8em");
        List<Partner> all;
        try {
            all = partners.list(caller);
        } catch (RuntimeException e) {
            LOG.warn("Reading partners for the aging card failed", e);
            all = List.of();
        }
        List<String> codes = AgingSummary.currencies(all);
        Button open = new Button("Open aging", VaadinIcon.ARROW_RIGHT.create(), e -> context.navigate("finance/aging"
                + (currency.getValue() == null ? "" : "?currency=" + currency.getValue())));
        open.setIconAfterText(true);
        open.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        open.setId("widget-finance-aging-open");
        if (codes.isEmpty()) {
            body.add(text("No partners yet."));
            add(body, open);
            return;
        }
        currency.setItems(codes);
        currency.setValue(AgingSummary.usualCurrency(all));
        currency.addValueChangeListener(e -> refresh());
        add(currency, body, open);
        refresh();
        // a posted invoice, a confirmed payment or an accepted dispute changes the figures of every partner's row
        live.subscribe(this, LiveUpdates.DOCUMENTS, p -> true, this::refresh);
    }

    void refresh() {
        body.removeAll();
        String code = currency.getValue();
        if (code == null) {
            return;
        }
        List<AgingRow> rows;
        LocalDate today = LocalDate.now(clock);
        try {
            rows = statements.aging(caller, code, today);
        } catch (AccessDeniedException | IllegalArgumentException e) {
            body.add(text(e.getMessage()));
            return;
        } catch (RuntimeException e) {
            LOG.warn("Reading the receivables aging in {} failed", code, e);
            body.add(text("The aging is not available right now."));
            return;
        }
        if (rows.isEmpty()) {
            body.add(text("Nothing open in " + code + "."));
            return;
        }
        Aging total = AgingSummary.total(rows);
        Svg chart = new Svg(StackedBarChart.svg("Receivables aging in " + code + " on " + today,
                AgingSummary.SERIES, AgingSummary.bars(rows)));
        chart.setId("widget-finance-aging-chart");
        Span summary = text("Overdue " + Money.of(total.overdue(), code).format() + " of "
                + Money.of(total.total(), code).format() + " open, " + rows.size()
                + (rows.size() == 1 ? " partner" : " partners"));
        summary.setId("widget-finance-aging-summary");
        summary.getStyle().set("font-size", "var(--lumo-font-size-s)");
        body.add(chart, summary);
    }

    private static Span text(String value) {
        Span span = new Span();
        span.setText(value);
        return span;
    }
}
