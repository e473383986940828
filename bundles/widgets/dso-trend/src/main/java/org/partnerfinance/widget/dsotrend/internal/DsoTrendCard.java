package org.partnerfinance.widget.dsotrend.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.partnerfinance.charts.api.LineChart;
import org.partnerfinance.documents.api.DsoPoint;
import org.partnerfinance.documents.api.StatementService;
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

/** The card: a currency, today's DSO over all partners with its change, and the line of the last twelve month ends. */
final class DsoTrendCard extends VerticalLayout {

    private static final Logger LOG = LoggerFactory.getLogger(DsoTrendCard.class);

    private final StatementService statements;
    private final Caller caller;
    private final Clock clock;
    private final Select<String> currency = new Select<>();
    private final Div body = new Div();

    DsoTrendCard(ScreenContext context, StatementService statements, PartnerService partners, LiveUpdates live,
            Clock clock) {
        this.statements = statements;
        this.caller = context.caller();
        this.clock = clock;
        setId("widget-dso-trend-content");
        setPadding(false);
        body.setWidthFull();
        currency.setId("widget-dso-trend-currency");
        currency.setAriaLabel("Currency");
        currency.setWidth("8em");
        List<Partner> all;
        try {
            all = partners.list(caller);
        } catch (RuntimeException e) {
            LOG.warn("Reading partners for the DSO card failed", e);
            all = List.of();
        }
        List<String> codes = DsoTrend.currencies(all);
        Button open = new Button("Open DSO", VaadinIcon.ARROW_RIGHT.create(), e -> context.navigate("finance/dso"
                + (currency.getValue() == null ? "" : "?currency=" + currency.getValue())));
        open.setIconAfterText(true);
        open.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        open.setId("widget-dso-trend-open");
        if (codes.isEmpty()) {
            body.add(text("No partners yet."));
            add(body, open);
            return;
        }
        currency.setItems(codes);
        currency.setValue(DsoTrend.usualCurrency(all));
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
        LocalDate today = LocalDate.now(clock);
        List<DsoPoint> trend;
        DsoPoint now;
        try {
            now = statements.dso(caller, null, code, today, DsoTrend.PERIOD_DAYS);
            trend = statements.dsoTrend(caller, null, code, today, DsoTrend.MONTHS);
        } catch (AccessDeniedException | IllegalArgumentException e) {
            body.add(text(e.getMessage()));
            return;
        } catch (RuntimeException e) {
            LOG.warn("Reading the DSO trend in {} failed", code, e);
            body.add(text("The DSO is not available right now."));
            return;
        }
        Span figure = text("DSO today: " + DsoTrend.days(now));
        figure.setId("widget-dso-trend-today");
        figure.getStyle().set("font-weight", "600");
        Span change = text(DsoTrend.change(trend));
        change.setId("widget-dso-trend-change");
        change.getStyle().set("font-size", "var(--lumo-font-size-s)").set("margin-left", "var(--lumo-space-s)");
        Svg chart = new Svg(LineChart.svg("DSO in " + code + " at month ends", DsoTrend.points(trend),
                "var(--lumo-primary-color)", "days"));
        chart.setId("widget-dso-trend-chart");
        body.add(figure, change, chart);
    }

    private static Span text(String value) {
        Span span = new Span();
        span.setText(value);
        return span;
    }
}
