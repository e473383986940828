package org.partnerfinance.ledger.ui.internal;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.partnerfinance.ledger.api.AccountingPeriod;
import org.partnerfinance.ledger.api.LedgerService;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.ui.api.ScreenContext;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;

/**
 * Accounting periods: the months of the last two years (and any other month that was ever closed) with their state.
 * Finance managers close the selected month, or reopen it with a reason.
 */
final class PeriodsView extends VerticalLayout {

    /** Months shown before the current one. */
    static final int MONTHS_BACK = 24;

    private final ScreenContext context;
    private final LedgerService ledger;
    private final Caller caller;
    private final Clock clock;
    private final Grid<AccountingPeriod> grid = new Grid<>();
    private final Span message = LedgerUi.text("periods-message", "");

    final Button close = new Button("Close period");
    final TextField reason = new TextField("Reason for reopening");
    final Button reopen = new Button("Reopen period");

    PeriodsView(ScreenContext context, LedgerService ledger, Clock clock) {
        this.context = context;
        this.ledger = ledger;
        this.caller = context.caller();
        this.clock = clock;
        setSizeFull();
        setPadding(false);
        grid.setId("periods-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(p -> p.period().toString()).setHeader("Month").setAutoWidth(true).setFlexGrow(0)
                .setKey("month");
        grid.addColumn(p -> p.closed() ? "Closed" : "Open").setHeader("State").setAutoWidth(true).setKey("state");
        grid.addColumn(p -> p.changedBy() == null ? "" : p.changedBy()).setHeader("Changed by").setAutoWidth(true)
                .setKey("by");
        grid.addColumn(p -> LedgerUi.dateTime(p.changedAt())).setHeader("Changed at").setAutoWidth(true)
                .setKey("at");
        grid.addColumn(p -> p.reason() == null ? "" : p.reason()).setHeader("Reopened because").setKey("reason");
        grid.addSelectionListener(e -> selected(e.getFirstSelectedItem().orElse(null)));
        add(message, grid);
        setFlexGrow(1, grid);
        if (LedgerUi.keepsPeriods(caller)) {
            close.setId("period-close");
            close.addThemeVariants(ButtonVariant.LUMO_ERROR);
            close.addClickListener(e -> closeSelected());
            reason.setId("period-reason");
            reason.setMaxLength(300);
            reopen.setId("period-reopen");
            reopen.addClickListener(e -> reopenSelected());
            HorizontalLayout actions = new HorizontalLayout(close, reason, reopen);
            actions.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
            add(actions);
        }
        refresh();
    }

    /** The stored periods merged with the recent months nobody has touched (which are open). */
    static List<AccountingPeriod> rows(List<AccountingPeriod> stored, YearMonth current) {
        Map<YearMonth, AccountingPeriod> byMonth = new TreeMap<>(Comparator.reverseOrder());
        for (int i = 0; i <= MONTHS_BACK; i++) {
            YearMonth month = current.minusMonths(i);
            byMonth.put(month, new AccountingPeriod(month, false, null, null, null));
        }
        stored.forEach(p -> byMonth.put(p.period(), p));
        return new ArrayList<>(byMonth.values());
    }

    private void selected(AccountingPeriod period) {
        close.setEnabled(period != null && !period.closed());
        reopen.setEnabled(period != null && period.closed());
        reason.setEnabled(period != null && period.closed());
    }

    void closeSelected() {
        grid.getSelectedItems().stream().findFirst().ifPresent(p -> {
            try {
                ledger.closePeriod(caller, p.period());
                refresh();
                say("The period " + p.period() + " is closed: postings dated in it are refused.", false);
            } catch (RuntimeException e) {
                say(LedgerUi.messageOf(e), true);
            }
        });
    }

    void reopenSelected() {
        grid.getSelectedItems().stream().findFirst().ifPresent(p -> {
            try {
                ledger.reopenPeriod(caller, p.period(), reason.getValue());
                reason.clear();
                refresh();
                say("The period " + p.period() + " is open again.", false);
            } catch (RuntimeException e) {
                say(LedgerUi.messageOf(e), true);
            }
        });
    }

    private void say(String text, boolean error) {
        message.setText(text);
        context.notify(text, error);
    }

    void refresh() {
        try {
            grid.setItems(rows(ledger.periods(caller), YearMonth.now(clock)));
        } catch (RuntimeException e) {
            grid.setItems(List.of());
            message.setText(LedgerUi.messageOf(e));
        }
        grid.deselectAll();
        selected(null);
    }

    Grid<AccountingPeriod> grid() {
        return grid;
    }
}
