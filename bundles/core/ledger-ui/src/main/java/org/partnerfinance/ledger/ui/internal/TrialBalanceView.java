package org.partnerfinance.ledger.ui.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.partnerfinance.ledger.api.LedgerService;
import org.partnerfinance.ledger.api.Money;
import org.partnerfinance.ledger.api.TrialBalance;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.ui.api.ScreenContext;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.FooterRow;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/**
 * The trial balance as of a date: per account and document currency the debit and credit totals and the balance, and
 * the same in the base currency. Footer rows total each document currency and the base currency over all rows; a
 * sentence under the date says whether everything balances.
 */
final class TrialBalanceView extends VerticalLayout {

    private final LedgerService ledger;
    private final Caller caller;
    private final Grid<TrialBalance.Row> grid = new Grid<>();
    private final Span status = LedgerUi.text("trial-balance-status", "");
    private final List<FooterRow> footers = new ArrayList<>();
    private Grid.Column<TrialBalance.Row> account;
    private Grid.Column<TrialBalance.Row> currency;
    private Grid.Column<TrialBalance.Row> debit;
    private Grid.Column<TrialBalance.Row> credit;
    private Grid.Column<TrialBalance.Row> balance;
    private Grid.Column<TrialBalance.Row> baseDebit;
    private Grid.Column<TrialBalance.Row> baseCredit;
    private Grid.Column<TrialBalance.Row> baseBalance;
    private TrialBalance shown;

    final DatePicker asOf = new DatePicker("As of");

    TrialBalanceView(ScreenContext context, LedgerService ledger, Clock clock) {
        this.ledger = ledger;
        this.caller = context.caller();
        setSizeFull();
        setPadding(false);
        asOf.setId("trial-balance-date");
        asOf.setValue(LocalDate.now(clock));
        asOf.addValueChangeListener(e -> refresh());
        configureGrid();
        add(asOf, status, grid);
        setFlexGrow(1, grid);
        refresh();
    }

    private void configureGrid() {
        String base = ledger.baseCurrency().getCurrencyCode();
        grid.setId("trial-balance-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        account = grid.addColumn(r -> r.account().code() + " " + r.account().name()).setHeader("Account")
                .setAutoWidth(true).setKey("account");
        currency = grid.addColumn(r -> r.currency().getCurrencyCode()).setHeader("Currency").setAutoWidth(true)
                .setFlexGrow(0).setKey("currency");
        debit = amountColumn(r -> r.debit(), "Debit", "debit");
        credit = amountColumn(r -> r.credit(), "Credit", "credit");
        balance = amountColumn(r -> r.balance(), "Balance", "balance");
        baseDebit = amountColumn(r -> r.baseDebit(), "Debit " + base, "base-debit");
        baseCredit = amountColumn(r -> r.baseCredit(), "Credit " + base, "base-credit");
        baseBalance = amountColumn(r -> r.baseBalance(), "Balance " + base, "base-balance");
        grid.setEmptyStateText("No postings on or before this date.");
    }

    private Grid.Column<TrialBalance.Row> amountColumn(java.util.function.Function<TrialBalance.Row, Money> value,
            String header, String key) {
        return grid.addColumn(r -> LedgerUi.amount(value.apply(r))).setHeader(header).setAutoWidth(true)
                .setFlexGrow(0).setTextAlign(ColumnTextAlign.END).setKey(key);
    }

    void refresh() {
        LocalDate date = asOf.getValue();
        footers.forEach(grid::removeFooterRow);
        footers.clear();
        if (date == null) {
            grid.setItems(List.of());
            status.setText("Choose a date.");
            return;
        }
        try {
            shown = ledger.trialBalance(caller, date);
        } catch (RuntimeException e) {
            shown = null;
            grid.setItems(List.of());
            status.setText(LedgerUi.messageOf(e));
            return;
        }
        grid.setItems(shown.rows());
        for (TrialBalance.CurrencyTotal total : shown.totalsByCurrency()) {
            FooterRow row = grid.appendFooterRow();
            row.getCell(account).setText("Total " + total.currency().getCurrencyCode());
            row.getCell(currency).setText(total.currency().getCurrencyCode());
            row.getCell(debit).setText(LedgerUi.amount(total.debit()));
            row.getCell(credit).setText(LedgerUi.amount(total.credit()));
            row.getCell(balance).setText(LedgerUi.amount(total.balance()));
            footers.add(row);
        }
        FooterRow baseRow = grid.appendFooterRow();
        baseRow.getCell(account).setText("Total " + shown.baseCurrency().getCurrencyCode() + " (base)");
        baseRow.getCell(baseDebit).setText(LedgerUi.amount(shown.baseDebit()));
        baseRow.getCell(baseCredit).setText(LedgerUi.amount(shown.baseCredit()));
        baseRow.getCell(baseBalance).setText(LedgerUi.amount(shown.baseDebit().minus(shown.baseCredit())));
        footers.add(baseRow);
        status.setText(shown.balanced()
                ? "Balanced: debits equal credits in every currency and in " + shown.baseCurrency().getCurrencyCode()
                        + "."
                : "Not balanced: debits and credits differ; check the totals below.");
    }

    TrialBalance shown() {
        return shown;
    }

    Grid<TrialBalance.Row> grid() {
        return grid;
    }

    Span status() {
        return status;
    }
}
