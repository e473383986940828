package org.partnerfinance.funds.ui.internal;

import java.util.List;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import org.partnerfinance.funds.api.AllocationStatus;
import org.partnerfinance.funds.api.FundAllocation;
import org.partnerfinance.funds.api.FundBalance;
import org.partnerfinance.funds.api.FundService;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.ui.api.ScreenContext;

/**
 * "My funds": the partner's allocations, each with its bar, its buckets and its expiry date, active ones first. The
 * service returns the caller's own partner's allocations only.
 */
final class MyFundsView extends VerticalLayout {

    private final FundService funds;
    private final Caller caller;
    private final Span message = FundsUi.text("my-funds-message", "");
    private final Div cards = new Div();

    MyFundsView(ScreenContext context, FundService funds) {
        this.funds = funds;
        this.caller = context.caller();
        setPadding(false);
        cards.setId("my-funds");
        cards.getStyle().set("display", "flex").set("flex-direction", "column").set("gap", "1em")
                .set("width", "100%");
        add(message, FundsUi.legend(), cards);
        refresh();
    }

    void refresh() {
        cards.removeAll();
        List<FundAllocation> all;
        try {
            all = funds.allocations(caller, null, caller.partnerId());
        } catch (RuntimeException e) {
            message.setText(FundsUi.messageOf(e));
            return;
        }
        message.setText(all.isEmpty() ? "No funds are allocated to you." : "");
        all.stream().filter(a -> a.status() == AllocationStatus.ACTIVE).forEach(a -> cards.add(card(a)));
        all.stream().filter(a -> a.status() != AllocationStatus.ACTIVE).forEach(a -> cards.add(card(a)));
    }

    static Div card(FundAllocation a) {
        Div card = new Div();
        card.addClassName("pf-fund-card");
        card.getElement().setAttribute("data-allocation", Long.toString(a.id()));
        card.getStyle().set("padding", "var(--lumo-space-s) var(--lumo-space-m)")
                .set("border", "1px solid var(--lumo-contrast-10pct)").set("border-radius", "var(--lumo-border-radius-m)");
        H3 title = new H3();
        title.setText(a.label());
        Span expiry = new Span();
        expiry.addClassName("pf-fund-expiry");
        expiry.setText(a.status() == AllocationStatus.ACTIVE ? "Available until " + a.expiryDate()
                : "Expired after " + a.expiryDate());
        FundBalance b = a.balance();
        Div figures = new Div();
        figures.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "1.5em");
        figures.add(figure("Allocated", b.allocated().format()), figure("Reserved", b.reserved().format()),
                figure("Approved", b.approved().format()), figure("Paid", b.paid().format()),
                figure("Expired", b.expired().format()), figure("Available", b.available().format()));
        card.add(title, expiry, FundsUi.bar(b), figures);
        return card;
    }

    private static Span figure(String label, String value) {
        Span name = new Span();
        name.setText(label + ": ");
        Span amount = new Span();
        amount.addClassName("pf-fund-" + label.toLowerCase(java.util.Locale.ROOT));
        amount.setText(value);
        return new Span(name, amount);
    }
}
