package org.partnerfinance.documents.ui.internal.finance;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.partnerfinance.charts.api.LineChart;
import org.partnerfinance.documents.api.AgingRow;
import org.partnerfinance.documents.api.DsoPoint;
import org.partnerfinance.documents.api.StatementService;
import org.partnerfinance.documents.ui.internal.common.Formats;
import org.partnerfinance.documents.ui.internal.common.Messages;
import org.partnerfinance.partner.api.Partner;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.ui.api.ScreenContext;

import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;

/**
 * DSO in one currency as of a date: the figure over all partners, the trend of the last twelve month ends as a line
 * (all partners, or the partner chosen in the grid), and a row per partner with receivables open, the period's sales
 * and its DSO, longest first.
 */
final class DsoView extends VerticalLayout {

    private final StatementService statements;
    private final Caller caller;
    private final Span overall = Views.text("dso-overall", "");
    private final Span message = Views.text("dso-message", "");
    private final H3 trendTitle = new H3();
    private final Div chart = new Div();
    private final Grid<DsoPoint> grid = new Grid<>();
    private final Button allPartners = new Button("All partners");
    private Select<String> currency;
    private DatePicker asOf;
    private String trendPartner;

    DsoView(ScreenContext context, StatementService statements, List<Partner> partners, Clock clock) {
        this.statements = statements;
        this.caller = context.caller();
        setSizeFull();
        setPadding(false);
        List<String> codes = Finance.currencies(partners);
        if (codes.isEmpty()) {
            message.setText("No partners yet.");
            add(message);
            return;
        }
        currency = Views.currencySelect("dso-currency", codes,
                Finance.initialCurrency(partners, context.parameter("currency")), c -> refresh());
        asOf = Views.datePicker("dso-as-of", "As of", Finance.today(clock), d -> refresh());
        HorizontalLayout filters = new HorizontalLayout(currency, asOf);
        filters.setAlignItems(Alignment.BASELINE);
        overall.getStyle().set("font-size", "var(--lumo-font-size-xl)").set("font-weight", "600");

        trendTitle.setId("dso-trend-title");
        chart.setId("dso-chart");
        chart.setWidthFull();
        chart.setMaxWidth("900px");
        allPartners.setId("dso-all-partners");
        allPartners.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        allPartners.addClickListener(e -> {
            trendPartner = null;
            grid.asSingleSelect().clear();
            showTrend();
        });

        grid.setId("dso-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(DsoPoint::partnerId).setHeader("Partner").setKey("partner").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(p -> name(partners, p.partnerId())).setHeader("Name").setKey("name").setAutoWidth(true);
        Views.amountColumn(grid, p -> Formats.amount(p.receivables(), p.currency()), "Receivables open",
                "receivables");
        Views.amountColumn(grid, p -> Formats.amount(p.sales(), p.currency()),
                "Invoiced in " + DsoFigures.PERIOD_DAYS + " days", "sales");
        Views.amountColumn(grid, DsoFigures::days, "DSO (days)", "days");
        grid.setEmptyStateText("No partner has receivables in this currency.");
        grid.asSingleSelect().addValueChangeListener(e -> {
            if (e.getValue() != null) {
                trendPartner = e.getValue().partnerId();
                showTrend();
            }
        });
        grid.setHeight("360px");
        add(filters, overall, message, new HorizontalLayout(trendTitle, allPartners), chart, grid);
        refresh();
    }

    void refresh() {
        message.setText("");
        String code = currency.getValue();
        LocalDate date = asOf.getValue();
        try {
            DsoPoint all = statements.dso(caller, null, code, date, DsoFigures.PERIOD_DAYS);
            overall.setText("DSO over all partners: " + DsoFigures.days(all) + " days ("
                    + Formats.amountWithCurrency(all.receivables(), code) + " open, "
                    + Formats.amountWithCurrency(all.sales(), code) + " invoiced in the last " + DsoFigures.PERIOD_DAYS
                    + " days)");
            // partners with receivables open: a partner with nothing open has no days outstanding to show
            List<DsoPoint> perPartner = new ArrayList<>();
            for (AgingRow row : statements.aging(caller, code, date)) {
                perPartner.add(statements.dso(caller, row.partnerId(), code, date, DsoFigures.PERIOD_DAYS));
            }
            grid.setItems(DsoFigures.longestFirst(perPartner));
        } catch (RuntimeException e) {
            overall.setText("");
            grid.setItems(List.of());
            message.setText(Messages.of(e));
        }
        showTrend();
    }

    private void showTrend() {
        chart.removeAll();
        String code = currency.getValue();
        trendTitle.setText("Trend at month ends" + (trendPartner == null ? ", all partners" : ", " + trendPartner));
        allPartners.setVisible(trendPartner != null);
        try {
            List<DsoPoint> trend = statements.dsoTrend(caller, trendPartner, code, asOf.getValue(),
                    DsoFigures.MONTHS);
            Svg svg = new Svg(LineChart.svg("DSO in " + code + " at month ends", DsoFigures.points(trend),
                    "var(--lumo-primary-color)", "days"));
            svg.setId("dso-chart-svg");
            chart.add(svg);
        } catch (RuntimeException e) {
            message.setText(Messages.of(e));
        }
    }

    private static String name(List<Partner> partners, String id) {
        return partners.stream().filter(p -> p.id().equals(id)).map(Partner::name).findFirst().orElse("");
    }
}
