package org.partnerfinance.connector.camt.internal.ui;

import java.util.List;
import java.util.Locale;

import org.partnerfinance.connector.camt.BankEntryView;
import org.partnerfinance.connector.camt.ReconciliationQueue;
import org.partnerfinance.connector.camt.Suggestion;
import org.partnerfinance.connector.camt.SuggestionKind;
import org.partnerfinance.partner.api.PartnerService;
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
 * remittance) and its ranked suggestions, each with a Match button (on a suggested split: the split of its documents),
 * a Split button (across open invoices of one partner, with amounts, in a {@link SplitDialog}) and a dismissal with a
 * reason. Every text from the bank file is shown with {@code setText}.
 */
final class ReconciliationView extends VerticalLayout {

    private static final long serialVersionUID = 1L;
    private static final int LIMIT = 500;
    private static final Logger LOG = LoggerFactory.getLogger(ReconciliationView.class);

    private final transient ScreenContext context;
    private final transient ReconciliationQueue queue;
    private final transient PartnerService partners;

    final Grid<BankEntryView> entries = new Grid<>();
    final VerticalLayout detail = new VerticalLayout();
    final Span count = new Span();
    /** The split dialog last opened (for tests). */
    SplitDialog splitDialog;

    ReconciliationView(ScreenContext context, ReconciliationQueue queue, PartnerService partners) {
        this.context = context;
        this.queue = queue;
        this.partners = partners;
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
            Button match = s.kind() == SuggestionKind.SPLIT
                    ? new Button("Match", click -> act(() -> queue.split(context.caller(), entry.id(),
                            entry.version(), s.parts(), false), "Split: the payment is confirmed and allocated to "
                                    + s.parts().size() + " documents."))
                    : new Button("Match", click -> act(() -> queue.match(context.caller(), entry.id(),
                            entry.version(), s.kind(), s.targetId()), "Matched: the payment is confirmed."));
            match.setId("match-" + entry.id() + "-" + s.rank());
            match.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
            HorizontalLayout row = new HorizontalLayout(match, label);
            row.setDefaultVerticalComponentAlignment(Alignment.CENTER);
            detail.add(row);
        }
        Button split = new Button("Split across documents…", click -> {
            splitDialog = new SplitDialog(context, queue, partners, entry, this::refresh);
            splitDialog.open();
        });
        split.setId("split-" + entry.id());
        detail.add(split);
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
        attempt(context, action, done);
        refresh();
    }

    /** How a change from this screen ended. */
    enum Outcome { DONE, REFUSED, CONFLICT, FAILED }

    /** Runs a change of the queue and tells the person how it ended, in words written for them. */
    static Outcome attempt(ScreenContext context, Runnable action, String done) {
        try {
            action.run();
            context.notify(done, false);
            return Outcome.DONE;
        } catch (ConcurrentChangeException e) {
            // someone else changed the entry or a document meanwhile
            context.notify(e.getMessage(), true);
            return Outcome.CONFLICT;
        } catch (IllegalArgumentException | AccessDeniedException e) {
            // messages written for people (DocumentValidationException is an IllegalArgumentException): what does not
            // fit
            context.notify(e.getMessage(), true);
            return Outcome.REFUSED;
        } catch (RuntimeException e) {
            LOG.error("Reconciliation of a bank entry failed", e);
            context.notify("The entry could not be changed; the portal's log has the details.", true);
            return Outcome.FAILED;
        }
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
