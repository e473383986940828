package org.partnerfinance.documents.ui.internal.finance;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.partnerfinance.documents.api.Document;
import org.partnerfinance.documents.api.DocumentQuery;
import org.partnerfinance.documents.api.Page;
import org.partnerfinance.documents.api.StatementService;
import org.partnerfinance.documents.ui.internal.common.Badges;
import org.partnerfinance.documents.ui.internal.common.Formats;
import org.partnerfinance.documents.ui.internal.common.Messages;
import org.partnerfinance.documents.ui.internal.common.PagedDataProvider;
import org.partnerfinance.partner.api.Partner;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.ui.api.LiveUpdates;
import org.partnerfinance.ui.api.ScreenContext;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;

/**
 * Open payables in one currency due by a date, soonest first (read page by page), and their totals per week of the
 * due date. A row opens the document.
 */
final class PayablesView extends HorizontalLayout {

    /** Days ahead the list looks by default: the next two months of payment runs. */
    static final int DEFAULT_HORIZON_DAYS = 60;
    /** Documents read for the weekly totals at most; beyond that the totals say they are incomplete. */
    static final int TOTALS_LIMIT = 5_000;

    private final StatementService statements;
    private final Caller caller;
    private final Clock clock;
    private final Grid<Document> grid = new Grid<>();
    private final Grid<WeeklyTotals.Week> weeks = new Grid<>();
    private final Span message = Views.text("payables-message", "");
    private final Span weeksNote = Views.text("payables-weeks-note", "");
    private Select<String> currency;
    private DatePicker dueBy;
    private PagedDataProvider<Document> provider;

    PayablesView(ScreenContext context, StatementService statements, List<Partner> partners, LiveUpdates live,
            Clock clock) {
        this.statements = statements;
        this.caller = context.caller();
        this.clock = clock;
        setSizeFull();
        setPadding(false);
        List<String> codes = Finance.currencies(partners);
        if (codes.isEmpty()) {
            message.setText("No partners yet.");
            add(message);
            return;
        }
        currency = Views.currencySelect("payables-currency", codes,
                Finance.initialCurrency(partners, context.parameter("currency")), c -> reload());
        dueBy = Views.datePicker("payables-due-by", "Due by",
                Finance.today(clock).plusDays(DEFAULT_HORIZON_DAYS), d -> reload());
        HorizontalLayout filters = new HorizontalLayout(currency, dueBy);
        filters.setAlignItems(Alignment.BASELINE);

        grid.setId("payables-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(d -> Formats.date(d.dueDate())).setHeader("Due").setKey("due").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(Document::number).setHeader("Document").setKey("number").setAutoWidth(true);
        grid.addColumn(d -> Formats.words(d.kind())).setHeader("Kind").setKey("kind").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(d -> d.partnerId() + " " + (d.partnerName() == null ? "" : d.partnerName()))
                .setHeader("Partner").setKey("partner").setAutoWidth(true);
        Views.amountColumn(grid, d -> Formats.money(d.open()), "Open", "open");
        grid.addComponentColumn(d -> Badges.settlement(d, Finance.today(clock))).setHeader("Payment")
                .setKey("settlement").setAutoWidth(true);
        grid.setEmptyStateText("Nothing to pay in this currency by this date.");
        grid.addItemClickListener(e -> context.navigate(Finance.DOCUMENT_DETAIL + e.getItem().id()));
        VerticalLayout left = new VerticalLayout(filters, message, grid);
        left.setPadding(false);
        left.setSizeFull();
        left.setFlexGrow(1, grid);

        weeks.setId("payables-weeks");
        weeks.addThemeVariants(GridVariant.LUMO_COMPACT);
        weeks.addColumn(WeeklyTotals::label).setHeader("Week").setKey("week").setAutoWidth(true);
        weeks.addColumn(WeeklyTotals.Week::count).setHeader("Documents").setKey("count").setAutoWidth(true)
                .setFlexGrow(0);
        Views.amountColumn(weeks, w -> Formats.amount(w.open(), currency.getValue()), "To pay", "open");
        weeks.setEmptyStateText("Nothing due.");
        weeksNote.getStyle().set("font-size", "var(--lumo-font-size-s)");
        VerticalLayout right = new VerticalLayout(new H3("Totals per week"), weeks, weeksNote);
        right.setPadding(false);
        right.setWidth("360px");
        right.getStyle().set("flex-shrink", "0");
        add(left, right);
        setFlexGrow(1, left);

        provider = new PagedDataProvider<>(Views.guarded((offset, limit, sort) -> statements.payablesDue(caller,
                currency.getValue(), dueBy.getValue(), offset, limit), message));
        grid.setItems(provider);
        refreshWeeks();
        live.subscribe(this, LiveUpdates.DOCUMENTS, p -> true, this::reload);
    }

    void reload() {
        message.setText("");
        provider.refreshAll();
        refreshWeeks();
    }

    /** Reads every payable due by the date (up to {@link #TOTALS_LIMIT}) and sums them per week. */
    private void refreshWeeks() {
        List<Document> all = new ArrayList<>();
        long total = 0;
        try {
            while (all.size() < TOTALS_LIMIT) {
                int limit = Math.min(DocumentQuery.MAX_LIMIT, TOTALS_LIMIT - all.size());
                Page<Document> page = statements.payablesDue(caller, currency.getValue(), dueBy.getValue(),
                        all.size(), limit);
                all.addAll(page.items());
                total = page.total();
                if (page.items().size() < limit) {
                    break;
                }
            }
        } catch (RuntimeException e) {
            weeks.setItems(List.of());
            weeksNote.setText(Messages.of(e));
            return;
        }
        LocalDate today = Finance.today(clock);
        weeks.setItems(WeeklyTotals.of(all, today));
        weeksNote.setText(total > all.size() ? "Totals of the first " + all.size() + " of " + total
                + " documents; narrow the date to see all." : "");
    }
}
