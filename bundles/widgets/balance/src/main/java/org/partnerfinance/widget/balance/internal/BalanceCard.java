package org.partnerfinance.widget.balance.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.partnerfinance.documents.api.StatementService;
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

/** Per currency: the balance as of today, the overdue part and a bar of the overdue share; follows changes live. */
final class BalanceCard extends VerticalLayout {

    private static final Logger LOG = LoggerFactory.getLogger(BalanceCard.class);

    private final transient StatementService statements;
    private final Caller caller;
    private final Div body = new Div();

    BalanceCard(ScreenContext context, StatementService statements, LiveUpdates updates) {
        this.statements = statements;
        this.caller = context.caller();
        setId("widget-balance-content");
        setPadding(false);
        body.setWidthFull();
        Button open = new Button("Statement of account", VaadinIcon.ARROW_RIGHT.create(),
                e -> context.navigate("statement"));
        open.setIconAfterText(true);
        open.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        open.setId("widget-balance-open");
        add(body, open);
        refresh();
        String partnerId = caller.partnerId();
        updates.subscribe(this, LiveUpdates.DOCUMENTS, p -> p == null || Objects.equals(p, partnerId), this::refresh);
    }

    List<BalanceRow> rows() {
        List<BalanceRow> rows = new ArrayList<>();
        LocalDate today = LocalDate.now();
        for (String currency : statements.currencies(caller, caller.partnerId())) {
            rows.add(BalanceRow.of(statements.statement(caller, caller.partnerId(), currency, null, today)));
        }
        return rows;
    }

    void refresh() {
        body.removeAll();
        List<BalanceRow> rows;
        try {
            rows = rows();
        } catch (RuntimeException e) {
            LOG.warn("Balance card could not read the statements", e);
            body.add(new Span("The balance cannot be shown right now."));
            return;
        }
        if (rows.isEmpty()) {
            Span none = new Span("No invoices or payments yet.");
            none.setId("widget-balance-none");
            body.add(none);
            return;
        }
        for (BalanceRow row : rows) {
            Span balance = new Span();
            balance.setId("widget-balance-" + row.currency());
            balance.setText(row.currency() + " " + BalanceRow.amount(row.closing(), row.currency())
                    + (row.closing().signum() < 0 ? " (the company owes you)" : ""));
            balance.getStyle().set("font-weight", "600");
            Span overdue = new Span();
            overdue.setId("widget-balance-overdue-" + row.currency());
            overdue.setText(row.overdue().signum() > 0
                    ? "of which overdue " + BalanceRow.amount(row.overdue(), row.currency())
                    : "nothing overdue");
            if (row.overdue().signum() > 0) {
                overdue.getStyle().set("color", "var(--lumo-error-text-color)");
            }
            VerticalLayout line = new VerticalLayout(balance, overdue, new Svg(row.svg()));
            line.setPadding(false);
            line.setSpacing(false);
            body.add(line);
        }
    }
}
