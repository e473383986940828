package org.partnerfinance.connector.camt.internal.ui;

import java.util.List;
import java.util.Locale;

import org.partnerfinance.connector.camt.BankEntryView;
import org.partnerfinance.connector.camt.ReconciliationQueue;
import org.partnerfinance.connector.camt.Suggestion;
import org.partnerfinance.persistence.api.ConcurrentChangeException;
import org.partnerfinance.security.api.AccessDeniedException;
import org.partnerfinance.ui.api.ScreenContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;

/**
 * The open bank entries, oldest booking first; the selected one shows what the bank said (references, counterparty,
 * remittance) and its ranked suggestions, each with a Match button, and a dismissal with a reason. Every text from the
 * bank file is shown with {@code setText}.
 */
final class ReconciliationView extends VerticalLayout {

    private static final long serialVersionUID = 1L;
    private static final int LIMIT = 500;
    private static final Logger LOG = LoggerFactory.getLogger(ReconciliationView.class);

    private final transient ScreenContext context;
    private final transient ReconciliationQueue queue;

    final Grid<BankEntryView> entries = new Grid<>();
    final VerticalLayout detail = new VerticalLayout();
    final Span count = new Span();

    ReconciliationView(ScreenContext context, ReconciliationQueue queue) {
        this.context = context;
        this.queue = queue;
        setId("reconciliation-view");
        add(new H3("Bank reconciliation"), new Paragraph("Bank entries of camt.053/camt.054 imports that matched no "
                + "open payment or document unambiguously. Matching confirms the payment with the bank's reference "
                + "and booking date; the partner then sees it paid."), count);
        entries.setId("reconciliation-entries");
        entries.addColumn(BankEntryView::bookingDate).setHeader("Booked").setAutoWidth(true);
        entries.addColumn(e -> (e.credit() ? "+" : "−") + e.amount().amount().toPlainString() + " "
                + e.amount().currency().getCurrencyCode()).setHeader("Amount").setAutoWidth(true);
        entries.addColumn(e -> nz(e.counterpartyName())).setHeader("Counterparty").setAutoWidth(true);
        entries.addColumn(e -> references(e)).setHeader("References").setAutoWidth(true);
        entries.addColumn(e -> nz(e.remittance())).setHeader("Remittance").setFlexGrow(1);
        entries.addColumn(e -> e.suggestions().isEmpty() ? "none" : e.suggestions().get(0).score() + ": "
                + e.suggestions().get(0).label()).setHeader("Best suggestion").setAutoWidth(true);
        entries.setAllRowsVisible(true);
        entries.asSingleSelect().addValueChangeListener(e -> show(e.getValue()));
        detail.setId("reconciliation-detail");
        detail.setPadding(false);
        add(entries, detail);
        refresh();
    }

    private void refresh() {
        List<BankEntryView> open = queue.open(context.caller(), LIMIT);
        entries.setItems(open);
        count.setText(open.isEmpty() ? "No bank entries wait for reconciliation."
                : open.size() + " bank entr" + (open.size() == 1 ? "y waits" : "ies wait") + " for reconciliation.");
        show(null);
    }

    private void show(BankEntryView entry) {
        detail.removeAll();
        if (entry == null) {
            return;
        }
        Span what = new Span();
        what.setText(entry.messageType() + " statement " + entry.statementId() + ", entry " + entry.entryIndex()
                + (entry.transactionIndex() > 0 ? "." + entry.transactionIndex() : "") + ": "
                + (entry.credit() ? "credit " : "debit ") + entry.amount().amount().toPlainString() + " "
                + entry.amount().currency().getCurrencyCode() + " booked " + entry.bookingDate() + ", bank reference "
                + entry.bankReference());
        detail.add(what);
        if (entry.counterpartyName() != null || entry.counterpartyIban() != null) {
            Span party = new Span();
            party.setText("Counterparty: " + nz(entry.counterpartyName()) + " " + nz(entry.counterpartyIban()));
            detail.add(party);
        }
        if (entry.remittance() != null) {
            Span remittance = new Span();
            remittance.setText("Remittance: " + entry.remittance());
            detail.add(remittance);
        }
        if (entry.suggestions().isEmpty()) {
            detail.add(new Span("No open payment or document fits this entry."));
        }
        for (Suggestion s : entry.suggestions()) {
            Span label = new Span();
            label.setText("#" + s.rank() + " (" + s.score() + ") " + s.label() + " — " + s.reason());
            Button match = new Button("Match", click -> act(() -> queue.match(context.caller(), entry.id(),
                    entry.version(), s.kind(), s.targetId()), "Matched: the payment is confirmed."));
            match.setId("match-" + entry.id() + "-" + s.rank());
            match.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
            HorizontalLayout row = new HorizontalLayout(match, label);
            row.setDefaultVerticalComponentAlignment(Alignment.CENTER);
            detail.add(row);
        }
        TextField reason = new TextField("Reason to dismiss");
        reason.setId("dismiss-reason");
        reason.setMaxLength(500);
        reason.setPlaceholder("e.g. bank charges, a transfer between own accounts");
        Button dismiss = new Button("Dismiss", click -> act(() -> queue.dismiss(context.caller(), entry.id(),
                entry.version(), reason.getValue()), "Dismissed."));
        dismiss.setId("dismiss-" + entry.id());
        dismiss.addThemeVariants(ButtonVariant.LUMO_ERROR);
        HorizontalLayout dismissal = new HorizontalLayout(reason, dismiss);
        dismissal.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        detail.add(dismissal);
    }

    private void act(Runnable action, String done) {
        try {
            action.run();
            context.notify(done, false);
        } catch (IllegalArgumentException | AccessDeniedException | ConcurrentChangeException e) {
            // messages written for people (DocumentValidationException is an IllegalArgumentException): what does not
            // fit, or that someone else changed the entry meanwhile
            context.notify(e.getMessage(), true);
        } catch (RuntimeException e) {
            LOG.error("Reconciliation of a bank entry failed", e);
            context.notify("The entry could not be changed; the portal's log has the details.", true);
        }
        refresh();
    }

    private static String references(BankEntryView e) {
        StringBuilder s = new StringBuilder();
        if (e.endToEndId() != null) {
            s.append("E2E ").append(e.endToEndId()).append(' ');
        }
        if (e.creditorReference() != null) {
            s.append(e.creditorReference().toUpperCase(Locale.ROOT)).append(' ');
        }
        return s.toString().strip();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
