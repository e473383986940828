package org.partnerfinance.documents.ui.internal;

import java.util.List;

import org.partnerfinance.documents.api.Direction;
import org.partnerfinance.documents.api.DocumentService;
import org.partnerfinance.documents.api.Page;
import org.partnerfinance.documents.api.Payment;
import org.partnerfinance.documents.api.PaymentQuery;
import org.partnerfinance.documents.api.PaymentStatus;
import org.partnerfinance.documents.ui.internal.common.Badges;
import org.partnerfinance.documents.ui.internal.common.Formats;
import org.partnerfinance.documents.ui.internal.common.LiveView;
import org.partnerfinance.documents.ui.internal.common.Messages;
import org.partnerfinance.documents.ui.internal.common.PagedDataProvider;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.ui.api.LiveUpdates;
import org.partnerfinance.ui.api.ScreenContext;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.value.ValueChangeMode;

/**
 * Payments both ways, newest value date first, read page by page: from the partner to the company and from the
 * company to the partner, scheduled, reported by a source system or confirmed by the bank.
 */
final class PaymentsView extends VerticalLayout {

    private final transient DocumentService documents;
    private final Caller caller;
    private final Grid<Payment> grid = new Grid<>();
    private final Select<Direction> direction = new Select<>();
    private final Select<PaymentStatus> status = new Select<>();
    private final DatePicker from = new DatePicker("Value date from");
    private final DatePicker to = new DatePicker("Value date to");
    private final TextField partner = new TextField("Partner id");
    private final Span message = new Span();
    private final PagedDataProvider<Payment> provider;

    PaymentsView(ScreenContext context, DocumentService documents, LiveUpdates updates) {
        this.documents = documents;
        this.caller = context.caller();
        setSizeFull();
        setPadding(false);

        direction.setId("payments-direction");
        direction.setLabel("Direction");
        direction.setItems(Direction.values());
        direction.setItemLabelGenerator(d -> d == null ? "All" : d == Direction.RECEIVABLE
                ? (caller.isPartner() ? "Paid by you" : "From partners") : (caller.isPartner() ? "Paid to you"
                        : "To partners"));
        direction.setEmptySelectionAllowed(true);
        direction.setEmptySelectionCaption("All");
        status.setId("payments-status");
        status.setLabel("Status");
        status.setItems(PaymentStatus.values());
        status.setItemLabelGenerator(s -> s == null ? "All" : Formats.words(s));
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption("All");
        partner.setId("payments-partner");
        partner.setValueChangeMode(ValueChangeMode.LAZY);
        partner.setClearButtonVisible(true);
        message.setId("payments-message");
        message.getStyle().set("color", "var(--lumo-error-text-color)");

        provider = new PagedDataProvider<>(this::fetch);
        grid.setId("payments-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(p -> Formats.date(p.valueDate())).setHeader("Value date").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(p -> p.direction() == Direction.RECEIVABLE ? "Received from partner" : "Paid to partner")
                .setHeader("Direction").setAutoWidth(true);
        if (!caller.isPartner()) {
            grid.addColumn(Payment::partnerId).setHeader("Partner").setAutoWidth(true);
        }
        grid.addColumn(p -> Formats.money(p.amount())).setHeader("Amount").setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(p -> Formats.words(p.method())).setHeader("Method").setAutoWidth(true);
        grid.addComponentColumn(p -> Badges.payment(p)).setHeader("Status").setAutoWidth(true);
        grid.addColumn(p -> Formats.money(p.unapplied())).setHeader("On account").setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(p -> p.remittance() == null ? "" : p.remittance()).setHeader("Remittance information")
                .setFlexGrow(1);
        grid.setItems(provider);
        grid.addItemClickListener(e -> context.navigate(DocumentScreens.paymentDetail(e.getItem().id())));

        HorizontalLayout filters = new HorizontalLayout(direction, status, from, to);
        if (!caller.isPartner()) {
            filters.add(partner);
        }
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        direction.addValueChangeListener(e -> provider.refreshAll());
        status.addValueChangeListener(e -> provider.refreshAll());
        from.addValueChangeListener(e -> provider.refreshAll());
        to.addValueChangeListener(e -> provider.refreshAll());
        partner.addValueChangeListener(e -> provider.refreshAll());
        add(filters, message, grid);
        setFlexGrow(1, grid);

        LiveView.follow(this, updates, caller.isPartner() ? caller.partnerId() : null, provider::refreshAll);
    }

    private Page<Payment> fetch(int offset, int limit, List<QuerySortOrder> sortOrders) {
        try {
            message.setText("");
            String partnerId = caller.isPartner() ? null : LiveView.partnerOf(caller, partner.getValue());
            return documents.payments(caller, new PaymentQuery(partnerId, direction.getValue(), status.getValue(),
                    from.getValue(), to.getValue(), offset, limit));
        } catch (RuntimeException e) {
            message.setText(Messages.of(e));
            return new Page<>(List.of(), 0);
        }
    }
}
