package org.partnerfinance.connector.camt.internal.ui;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.partnerfinance.connector.camt.BankEntryView;
import org.partnerfinance.connector.camt.ReconciliationQueue;
import org.partnerfinance.connector.camt.SplitCandidate;
import org.partnerfinance.connector.camt.SplitPart;
import org.partnerfinance.connector.camt.SplitProposal;
import org.partnerfinance.partner.api.Partner;
import org.partnerfinance.partner.api.PartnerService;
import org.partnerfinance.ui.api.ScreenContext;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.data.value.ValueChangeMode;

/**
 * Splits one open bank entry across open invoices of one partner: the partner (proposed by the queue from the
 * counterparty's account or the best suggestion, or chosen), the partner's open invoices in the entry's currency and
 * direction with an amount field each, prefilled oldest due first, what remains of the entry shown as amounts are typed,
 * and Confirm enabled only when the amounts account for the entry (for a credit, what remains may be left on the
 * partner's account). The queue checks everything again.
 */
final class SplitDialog extends Dialog {

    private static final long serialVersionUID = 1L;

    private final transient ScreenContext context;
    private final transient ReconciliationQueue queue;
    private final BankEntryView entry;
    private final transient Runnable afterSplit;

    final ComboBox<Partner> partner = new ComboBox<>("Partner");
    final Span basis = new Span();
    final VerticalLayout documents = new VerticalLayout();
    final Span remaining = new Span();
    final Checkbox onAccount = new Checkbox("Leave what remains on the partner's account (unapplied payment)");
    final Button confirm = new Button("Confirm split");
    /** The amount fields by document, in the proposal's order. */
    final Map<SplitCandidate, BigDecimalField> amounts = new LinkedHashMap<>();
    private boolean loading;

    SplitDialog(ScreenContext context, ReconciliationQueue queue, PartnerService partners, BankEntryView entry,
            Runnable afterSplit) {
        this.context = context;
        this.queue = queue;
        this.entry = entry;
        this.afterSplit = afterSplit;
        setId("split-dialog");
        setHeaderTitle("Split the bank entry across documents");
        Span what = new Span();
        what.setText((entry.credit() ? "Credit " : "Debit ") + entry.amount().amount().toPlainString() + " "
                + currency() + " booked " + entry.bookingDate() + (entry.counterpartyName() == null ? ""
                        : " from " + entry.counterpartyName()) + (entry.counterpartyIban() == null ? ""
                                : " (" + entry.counterpartyIban() + ")"));
        partner.setId("split-partner");
        partner.setItemLabelGenerator(p -> p.id() + " " + p.name());
        partner.setItems(partners.list(context.caller()));
        partner.setWidthFull();
        partner.addValueChangeListener(e -> {
            if (!loading && e.getValue() != null) {
                load(e.getValue().id());
            }
        });
        basis.setId("split-basis");
        documents.setId("split-documents");
        documents.setPadding(false);
        documents.setSpacing(false);
        remaining.setId("split-remaining");
        onAccount.setId("split-on-account");
        // money the company paid out is split across its documents in full (the queue refuses a remainder)
        onAccount.setVisible(entry.credit());
        onAccount.addValueChangeListener(e -> update());
        confirm.setId("split-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.addClickListener(e -> confirm());
        Button cancel = new Button("Cancel", e -> close());
        cancel.setId("split-cancel");
        VerticalLayout body = new VerticalLayout(what, partner, basis, documents, remaining, onAccount);
        body.setPadding(false);
        add(body);
        getFooter().add(cancel, confirm);
        setWidth("720px");
        load(null);
    }

    private void load(String partnerId) {
        SplitProposal proposal;
        try {
            proposal = queue.splitProposal(context.caller(), entry.id(), partnerId);
        } catch (IllegalArgumentException e) {
            context.notify(e.getMessage(), true);
            return;
        }
        loading = true;
        try {
            partner.setValue(proposal.partnerId() == null ? null : partner.getListDataView().getItems()
                    .filter(p -> p.id().equals(proposal.partnerId())).findFirst().orElse(null));
        } finally {
            loading = false;
        }
        basis.setText(proposal.partnerId() == null ? "Choose the partner: " + proposal.basis() + "."
                : proposal.documents().isEmpty() ? "The partner has no open invoice in " + currency()
                        + " this entry may pay." : "Partner: " + proposal.basis() + ". Amounts proposed oldest due "
                                + "first.");
        documents.removeAll();
        amounts.clear();
        for (SplitCandidate c : proposal.documents()) {
            Span label = new Span();
            label.setText(c.number() + " · due " + (c.dueDate() == null ? "–" : c.dueDate()) + " · open "
                    + c.open().amount().toPlainString() + " " + c.open().currency().getCurrencyCode());
            label.setWidth("360px");
            BigDecimalField amount = new BigDecimalField();
            amount.setId("split-amount-" + c.documentId());
            amount.setValueChangeMode(ValueChangeMode.EAGER);
            amount.setValue(c.proposed().signum() > 0 ? c.proposed() : null);
            amount.addValueChangeListener(e -> update());
            amounts.put(c, amount);
            HorizontalLayout row = new HorizontalLayout(label, amount);
            row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
            documents.add(row);
        }
        update();
    }

    /** What the amounts leave of the entry, and whether they may be confirmed. */
    private void update() {
        String problem = null;
        BigDecimal sum = BigDecimal.ZERO;
        int parts = 0;
        for (Map.Entry<SplitCandidate, BigDecimalField> e : amounts.entrySet()) {
            BigDecimal a = e.getValue().getValue();
            if (e.getValue().isInvalid()) {
                problem = "The amount for " + e.getKey().number() + " is not a number.";
            } else if (a != null && a.signum() < 0) {
                problem = "The amount for " + e.getKey().number() + " is negative.";
            } else if (a != null && a.compareTo(e.getKey().open().amount()) > 0) {
                problem = e.getKey().number() + " has only " + e.getKey().open().amount().toPlainString() + " open.";
            } else if (a != null && a.signum() > 0) {
                sum = sum.add(a);
                parts++;
            }
        }
        BigDecimal left = entry.amount().amount().subtract(sum);
        boolean addsUp = left.signum() == 0 || left.signum() > 0 && entry.credit() && onAccount.getValue();
        if (problem != null) {
            remaining.setText(problem);
        } else if (left.signum() < 0) {
            remaining.setText("The amounts exceed the entry by " + plain(left.negate()) + " " + currency() + ".");
        } else if (left.signum() == 0) {
            remaining.setText("Remaining: " + plain(left) + " " + currency() + " — the amounts add up to the entry.");
        } else {
            remaining.setText("Remaining: " + plain(left) + " " + currency()
                    + (addsUp ? ", left on the partner's account." : "."));
        }
        confirm.setEnabled(problem == null && parts > 0 && left.signum() >= 0 && addsUp);
    }

    private void confirm() {
        List<SplitPart> parts = new ArrayList<>();
        amounts.forEach((c, field) -> {
            BigDecimal a = field.getValue();
            if (a != null && a.signum() > 0) {
                parts.add(new SplitPart(c.documentId(), a));
            }
        });
        boolean keep = entry.credit() && onAccount.getValue();
        ReconciliationView.Outcome outcome = ReconciliationView.attempt(context,
                () -> queue.split(context.caller(), entry.id(), entry.version(), parts, keep),
                "Split: the payment is confirmed and allocated to " + parts.size() + " document"
                        + (parts.size() == 1 ? "" : "s") + ".");
        // a refusal of the amounts leaves the dialog open to correct them; anything else ends it
        if (outcome != ReconciliationView.Outcome.REFUSED) {
            close();
            afterSplit.run();
        }
    }

    /** At least the entry's decimals (0.00, not 0). */
    private String plain(BigDecimal amount) {
        int scale = entry.amount().amount().scale();
        return (amount.scale() < scale ? amount.setScale(scale) : amount).toPlainString();
    }

    private String currency() {
        return entry.amount().currency().getCurrencyCode();
    }

    /** For tests: the amount field of a document. */
    BigDecimalField amountOf(long documentId) {
        return amounts.entrySet().stream().filter(e -> e.getKey().documentId() == documentId)
                .map(Map.Entry::getValue).filter(Objects::nonNull).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no document " + documentId));
    }
}
