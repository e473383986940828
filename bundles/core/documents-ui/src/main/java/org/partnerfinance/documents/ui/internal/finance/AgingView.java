package org.partnerfinance.documents.ui.internal.finance;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.partnerfinance.charts.api.StackedBarChart;
import org.partnerfinance.documents.api.Aging;
import org.partnerfinance.documents.api.AgingRow;
import org.partnerfinance.documents.api.StatementService;
import org.partnerfinance.documents.ui.internal.common.Formats;
import org.partnerfinance.documents.ui.internal.common.Messages;
import org.partnerfinance.partner.api.Partner;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.ui.api.LiveUpdates;
import org.partnerfinance.ui.api.ScreenContext;

import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.FooterRow;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;

/**
 * Receivables aging across partners in one currency as of a date: a row per partner with the buckets and its balance,
 * a totals row, and a stacked bar per partner (most overdue first). A row opens the partner's statement. Follows
 * document changes live.
 */
final class AgingView extends VerticalLayout {

    private final ScreenContext context;
    private final StatementService statements;
    private final Caller caller;
    private final Grid<AgingRow> grid = new Grid<>();
    private final FooterRow totals;
    private final Span message = Views.text("aging-message", "");
    private final Div chart = new Div();
    private final Span caption = Views.text("aging-chart-caption", "");
    private Select<String> currency;
    private DatePicker asOf;

    AgingView(ScreenContext context, StatementService statements, List<Partner> partners, LiveUpdates live,
            Clock clock) {
        this.context = context;
        this.statements = statements;
        this.caller = context.caller();
        setSizeFull();
        setPadding(false);
        List<String> codes = Finance.currencies(partners);
        if (codes.isEmpty()) {
            message.setText("No partners yet.");
            add(message);
            totals = null;
            return;
        }
        currency = Views.currencySelect("aging-currency", codes,
                Finance.initialCurrency(partners, context.parameter("currency")), c -> refresh());
        asOf = Views.datePicker("aging-as-of", "As of", Finance.today(clock), d -> refresh());
        HorizontalLayout filters = new HorizontalLayout(currency, asOf);
        filters.setAlignItems(Alignment.BASELINE);

        grid.setId("aging-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(AgingRow::partnerId).setHeader("Partner").setKey("partner").setAutoWidth(true)
                .setFlexGrow(0).setSortable(true);
        grid.addColumn(AgingRow::partnerName).setHeader("Name").setKey("name").setAutoWidth(true).setSortable(true);
        for (AgingTable.Bucket bucket : AgingTable.BUCKETS) {
            Views.amountColumn(grid, r -> Formats.amount(bucket.value().apply(r.aging()), r.currency()),
                    bucket.header(), bucket.key()).setComparator(r -> bucket.value().apply(r.aging()));
        }
        Views.amountColumn(grid, r -> Formats.amount(r.aging().total(), r.currency()), "Balance", "total")
                .setComparator(r -> r.aging().total());
        totals = grid.appendFooterRow();
        grid.setEmptyStateText("Nothing open in this currency on this date.");
        grid.addItemClickListener(e -> context.navigate(
                Finance.statementLink(e.getItem().partnerId(), e.getItem().currency())));
        grid.setHeight("420px");

        chart.setId("aging-chart");
        chart.setWidthFull();
        caption.getStyle().set("font-size", "var(--lumo-font-size-s)")
                .set("color", "var(--lumo-secondary-text-color)");
        add(filters, message, grid, chart, caption);
        refresh();
        live.subscribe(this, org.partnerfinance.ui.api.LiveUpdates.DOCUMENTS, p -> true, this::refresh);
    }

    void refresh() {
        String code = currency.getValue();
        LocalDate date = asOf.getValue();
        chart.removeAll();
        message.setText("");
        List<AgingRow> rows;
        try {
            rows = statements.aging(caller, code, date);
        } catch (RuntimeException e) {
            grid.setItems(List.of());
            fillTotals(AgingTable.total(List.of()), code);
            caption.setText("");
            message.setText(Messages.of(e));
            return;
        }
        grid.setItems(rows);
        Aging total = AgingTable.total(rows);
        fillTotals(total, code);
        if (rows.isEmpty()) {
            caption.setText("");
            return;
        }
        Svg svg = new Svg(StackedBarChart.svg("Receivables aging in " + code + " as of " + date,
                AgingTable.series(), AgingTable.bars(rows)));
        svg.setId("aging-chart-svg");
        chart.add(svg);
        caption.setText(AgingTable.chartCaption(Math.min(rows.size(), AgingTable.MAX_BARS), rows.size())
                + ". Overdue " + Formats.amountWithCurrency(total.overdue(), code) + " of "
                + Formats.amountWithCurrency(total.total(), code) + ".");
    }

    private void fillTotals(Aging total, String code) {
        totals.getCell(grid.getColumnByKey("partner")).setText("Total");
        for (AgingTable.Bucket bucket : AgingTable.BUCKETS) {
            totals.getCell(grid.getColumnByKey(bucket.key())).setText(Formats.amount(bucket.value().apply(total),
                    code));
        }
        totals.getCell(grid.getColumnByKey("total")).setText(Formats.amount(total.total(), code));
    }
}
