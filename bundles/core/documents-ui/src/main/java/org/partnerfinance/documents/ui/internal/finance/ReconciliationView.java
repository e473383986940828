package org.partnerfinance.documents.ui.internal.finance;

import java.time.Clock;
import java.util.List;

import org.partnerfinance.documents.api.Reconciliation;
import org.partnerfinance.documents.api.ReconciliationDifference;
import org.partnerfinance.documents.api.StatementService;
import org.partnerfinance.documents.ui.internal.common.Badges;
import org.partnerfinance.documents.ui.internal.common.Formats;
import org.partnerfinance.documents.ui.internal.common.Messages;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.ui.api.ScreenContext;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/**
 * Reconciles the partners' open items with their balances on the control accounts as of a date: a "Reconciled" badge
 * with how many balances were compared, or every difference (partner, currency, account, both sides, difference).
 */
final class ReconciliationView extends VerticalLayout {

    private final StatementService statements;
    private final Caller caller;
    private final DatePicker asOf;
    private final Div outcome = new Div();
    private final Span summary = Views.text("reconciliation-summary", "");
    private final Grid<ReconciliationDifference> differences = new Grid<>();

    ReconciliationView(ScreenContext context, StatementService statements, Clock clock) {
        this.statements = statements;
        this.caller = context.caller();
        setSizeFull();
        setPadding(false);
        asOf = Views.datePicker("reconciliation-as-of", "As of", Finance.today(clock), d -> run());
        Button run = new Button("Reconcile", e -> run());
        run.setId("reconciliation-run");
        run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout controls = new HorizontalLayout(asOf, run);
        controls.setAlignItems(Alignment.BASELINE);
        outcome.setId("reconciliation-outcome");

        differences.setId("reconciliation-differences");
        differences.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        differences.addColumn(ReconciliationDifference::partnerId).setHeader("Partner").setKey("partner")
                .setAutoWidth(true);
        differences.addColumn(ReconciliationDifference::currency).setHeader("Currency").setKey("currency")
                .setAutoWidth(true).setFlexGrow(0);
        differences.addColumn(ReconciliationDifference::controlAccount).setHeader("Control account")
                .setKey("account").setAutoWidth(true).setFlexGrow(0);
        Views.amountColumn(differences, d -> Formats.amount(d.subLedger(), d.currency()), "Open items", "subLedger");
        Views.amountColumn(differences, d -> Formats.amount(d.ledger(), d.currency()), "Ledger", "ledger");
        Views.amountColumn(differences, d -> Formats.amount(d.difference(), d.currency()), "Difference",
                "difference");
        differences.setVisible(false);
        add(controls, outcome, summary, differences);
        setFlexGrow(1, differences);
        run();
    }

    void run() {
        outcome.removeAll();
        summary.setText("");
        Reconciliation result;
        try {
            result = statements.reconcile(caller, asOf.getValue());
        } catch (RuntimeException e) {
            differences.setVisible(false);
            summary.setText(Messages.of(e));
            return;
        }
        Span badge = result.reconciled() ? Badges.badge("Reconciled", List.of("success"))
                : Badges.badge(result.differences().size() == 1 ? "1 difference"
                        : result.differences().size() + " differences", List.of("error"));
        badge.setId("reconciliation-badge");
        outcome.add(badge);
        summary.setText(summary(result));
        differences.setItems(result.differences());
        differences.setVisible(!result.reconciled());
    }

    /** e.g. {@code 42 partner balances compared as of 2025-03-31; all match.} */
    static String summary(Reconciliation r) {
        String compared = r.compared() == 1 ? "1 partner balance compared" : r.compared() + " partner balances compared";
        return compared + " as of " + r.asOf() + (r.reconciled() ? "; all match the control accounts."
                : "; the open items differ from the control accounts for these:");
    }
}
