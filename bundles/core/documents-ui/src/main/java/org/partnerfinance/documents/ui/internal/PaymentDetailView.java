package org.partnerfinance.documents.ui.internal;

import java.util.Optional;

import org.partnerfinance.documents.api.Allocation;
import org.partnerfinance.documents.api.Direction;
import org.partnerfinance.documents.api.DocumentService;
import org.partnerfinance.documents.api.Payment;
import org.partnerfinance.documents.ui.internal.common.Badges;
import org.partnerfinance.documents.ui.internal.common.Formats;
import org.partnerfinance.documents.ui.internal.common.LiveView;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.ui.api.LiveUpdates;
import org.partnerfinance.ui.api.ScreenContext;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/** One payment: amount, method, dates, where it stands with the bank, its remittance information and what it settled. */
final class PaymentDetailView extends VerticalLayout {

    private final transient DocumentService documents;
    private final ScreenContext context;
    private final Caller caller;
    private final long paymentId;
    private final Div body = new Div();

    PaymentDetailView(ScreenContext context, DocumentService documents, LiveUpdates updates) {
        this.context = context;
        this.documents = documents;
        this.caller = context.caller();
        this.paymentId = DocumentDetailView.parseId(context.parameter("id"));
        setPadding(false);
        body.setWidthFull();
        add(body);
        Optional<Payment> first = render();
        if (first.isPresent()) {
            LiveView.follow(this, updates, caller.isPartner() ? caller.partnerId() : first.get().partnerId(),
                    this::render);
        }
    }

    private Optional<Payment> render() {
        Optional<Payment> found = paymentId < 0 ? Optional.empty() : documents.findPayment(caller, paymentId);
        body.removeAll();
        if (found.isEmpty()) {
            Span missing = new Span("This payment does not exist or you may not see it.");
            missing.setId("payment-missing");
            body.add(missing);
            return found;
        }
        Payment p = found.get();
        H2 title = new H2();
        title.setId("payment-title");
        title.setText((p.direction() == Direction.RECEIVABLE ? "Payment from " : "Payment to ") + p.partnerId() + " · "
                + Formats.money(p.amount()));
        Span status = Badges.payment(p);
        status.setId("payment-status");
        VerticalLayout facts = new VerticalLayout(status,
                DocumentDetailView.figure("Method", Formats.words(p.method()), "payment-method"),
                DocumentDetailView.figure("Value date", Formats.date(p.valueDate()), "payment-value-date"),
                DocumentDetailView.figure("Booked by bank", p.bookingDate() == null ? "not yet"
                        : Formats.date(p.bookingDate()) + " · ref. " + DocumentDetailView.nullToEmpty(p.bankReference()),
                        "payment-booking"),
                DocumentDetailView.figure("Reported by", DocumentDetailView.nullToEmpty(p.sourceSystem()),
                        "payment-source"),
                DocumentDetailView.figure("End-to-end ref.", DocumentDetailView.nullToEmpty(p.endToEndId()),
                        "payment-e2e"),
                DocumentDetailView.figure("On account", Formats.money(p.unapplied()), "payment-unapplied"));
        facts.setPadding(false);
        facts.setSpacing(false);
        Span remittance = new Span();
        remittance.setId("payment-remittance");
        remittance.setText(p.remittance() == null || p.remittance().isBlank() ? "None given." : p.remittance());

        Grid<Allocation> settled = new Grid<>();
        settled.setId("payment-allocations");
        settled.setAllRowsVisible(true);
        settled.addColumn(Allocation::documentNumber).setHeader("Document");
        settled.addColumn(a -> Formats.money(a.amount())).setHeader("Applied").setTextAlign(ColumnTextAlign.END);
        settled.addColumn(a -> Formats.date(a.date())).setHeader("From");
        settled.addColumn(a -> a.effective() ? "Settled" : "Counts once the bank confirms the payment")
                .setHeader("Effect");
        settled.setItems(p.allocations());
        settled.addItemClickListener(e -> context.navigate(DocumentScreens.detail(e.getItem().documentId())));

        body.add(new VerticalLayout(title, facts,
                DocumentDetailView.section("Remittance information", remittance),
                DocumentDetailView.section("What it settles", settled),
                DocumentDetailView.section("History", DocumentDetailView.trail(
                        documents.paymentHistory(caller, p.id()), "payment-history"))));
        return found;
    }
}
