package org.partnerfinance.documents.ui.internal.finance;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.partnerfinance.documents.api.BankConfirmation;
import org.partnerfinance.documents.api.Direction;
import org.partnerfinance.documents.api.DocumentService;
import org.partnerfinance.documents.api.Payment;
import org.partnerfinance.documents.api.PaymentQuery;
import org.partnerfinance.documents.api.PaymentStatus;
import org.partnerfinance.documents.ui.internal.common.Badges;
import org.partnerfinance.documents.ui.internal.common.Formats;
import org.partnerfinance.documents.ui.internal.common.Messages;
import org.partnerfinance.documents.ui.internal.common.PagedDataProvider;
import org.partnerfinance.partner.api.Partner;
import org.partnerfinance.persistence.api.ConcurrentChangeException;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.ui.api.LiveUpdates;
import org.partnerfinance.ui.api.ScreenContext;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;

/**
 * Payments a source system reported (or a payment run scheduled) that the bank has not confirmed yet. Finance picks
 * one, enters the bank's reference and booking date from the bank statement, and confirms it: only then does it count
 * as paid. The list follows changes live (a bank import confirming payments takes them off).
 */
final class PaymentsToConfirmView extends HorizontalLayout {

    static final String BANK_REFERENCE = "bankReference";
    static final String BOOKING_DATE = "bookingDate";

    private final ScreenContext context;
    private final DocumentService documents;
    private final Caller caller;
    private final Clock clock;
    private final Map<String, String> partnerNames;
    private final Select<PaymentStatus> status = new Select<>();
    private final Select<Direction> direction = new Select<>();
    private final Grid<Payment> grid = new Grid<>();
    private final Span message = Views.text("confirm-message", "");
    private final VerticalLayout detail = new VerticalLayout();
    private final H3 title = new H3();
    private final Span facts = Views.text("confirm-facts", "");
    private final TextField bankReference = new TextField("Bank reference");
    private final DatePicker bookingDate = new DatePicker("Booking date");
    private final Span error = Views.text("confirm-error", "");
    private final PagedDataProvider<Payment> provider;
    private Payment selected;

    PaymentsToConfirmView(ScreenContext context, DocumentService documents, List<Partner> partners, LiveUpdates live,
            Clock clock) {
        this.context = context;
        this.documents = documents;
        this.caller = context.caller();
        this.clock = clock;
        this.partnerNames = partners.stream().collect(Collectors.toMap(Partner::id, Partner::name, (a, b) -> a));
        setSizeFull();
        setPadding(false);

        status.setId("confirm-status");
        status.setLabel("Status");
        status.setItems(PaymentStatus.REPORTED, PaymentStatus.SENT, PaymentStatus.SCHEDULED);
        status.setItemLabelGenerator(s -> switch (s) {
            case REPORTED -> "Reported paid";
            case SENT -> "Sent to bank";
            default -> "Scheduled";
        });
        status.setValue(PaymentStatus.REPORTED);
        status.addValueChangeListener(e -> reload());
        direction.setId("confirm-direction");
        direction.setLabel("Direction");
        direction.setItems(Direction.RECEIVABLE, Direction.PAYABLE);
        direction.setItemLabelGenerator(PaymentsToConfirmView::directionLabel);
        direction.setEmptySelectionAllowed(true);
        direction.setEmptySelectionCaption("Both");
        direction.addValueChangeListener(e -> reload());
        HorizontalLayout filters = new HorizontalLayout(status, direction);

        grid.setId("confirm-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(p -> Formats.date(p.valueDate())).setHeader("Value date").setKey("valueDate")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(p -> partner(p.partnerId())).setHeader("Partner").setKey("partner").setAutoWidth(true);
        grid.addColumn(p -> directionLabel(p.direction())).setHeader("Direction").setKey("direction")
                .setAutoWidth(true).setFlexGrow(0);
        Views.amountColumn(grid, p -> Formats.money(p.amount()), "Amount", "amount");
        grid.addColumn(p -> Formats.words(p.method())).setHeader("Method").setKey("method").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addComponentColumn(p -> Badges.payment(p)).setHeader("Status").setKey("status")
                .setAutoWidth(true);
        grid.addColumn(Payment::sourceSystem).setHeader("Source").setKey("source").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(Payment::remittance).setHeader("Remittance").setKey("remittance").setFlexGrow(1);
        grid.setEmptyStateText("Nothing to confirm.");
        grid.asSingleSelect().addValueChangeListener(e -> select(e.getValue()));
        provider = new PagedDataProvider<>(Views.guarded((offset, limit, sort) -> documents.payments(caller,
                new PaymentQuery(null, direction.getValue(), status.getValue(), null, null, offset, limit)),
                message));
        grid.setItems(provider);

        VerticalLayout left = new VerticalLayout(filters, message, grid);
        left.setPadding(false);
        left.setSizeFull();
        left.setFlexGrow(1, grid);
        buildDetail();
        add(left, detail);
        setFlexGrow(1, left);
        live.subscribe(this, LiveUpdates.DOCUMENTS, p -> true, this::reload);
    }

    private void buildDetail() {
        detail.setId("confirm-detail");
        detail.setPadding(false);
        detail.setWidth("360px");
        detail.getStyle().set("flex-shrink", "0");
        title.setId("confirm-title");
        bankReference.setId("confirm-bank-reference");
        bankReference.setMaxLength(100);
        bankReference.setWidthFull();
        bankReference.setManualValidation(true);
        bankReference.setHelperText("As on the bank statement (account servicer reference)");
        bookingDate.setId("confirm-booking-date");
        bookingDate.setI18n(new DatePicker.DatePickerI18n().setDateFormat("yyyy-MM-dd"));
        bookingDate.setManualValidation(true);
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        Button confirm = new Button("Confirm payment", e -> confirm());
        confirm.setId("confirm-payment");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        detail.add(title, facts, bankReference, bookingDate, error, confirm);
        detail.setVisible(false);
    }

    private void select(Payment payment) {
        selected = payment;
        clearErrors();
        if (payment == null) {
            detail.setVisible(false);
            return;
        }
        title.setText(Formats.money(payment.amount()) + " · " + partner(payment.partnerId()));
        facts.setText(directionLabel(payment.direction()) + ", " + Formats.words(payment.method()) + ", value date "
                + Formats.date(payment.valueDate()) + (payment.sourceSystem() == null || payment.sourceSystem()
                        .isBlank() ? "" : ", reported by " + payment.sourceSystem())
                + (payment.endToEndId() == null || payment.endToEndId().isBlank() ? ""
                        : ", end-to-end " + payment.endToEndId()));
        bankReference.clear();
        bookingDate.setValue(Finance.today(clock));
        bookingDate.setMax(Finance.today(clock));
        detail.setVisible(true);
    }

    private void confirm() {
        if (selected == null) {
            return;
        }
        clearErrors();
        Payment payment = selected;
        String reference = bankReference.getValue() == null ? "" : bankReference.getValue().strip();
        if (reference.isEmpty()) {
            showAt(BANK_REFERENCE, "Enter the bank's reference of the booking.");
            return;
        }
        if (bookingDate.getValue() == null) {
            showAt(BOOKING_DATE, "Enter the booking date from the bank statement.");
            return;
        }
        try {
            documents.confirmPayment(caller, payment.id(), payment.version(),
                    new BankConfirmation(reference, bookingDate.getValue()));
        } catch (ConcurrentChangeException e) {
            error.setText(Messages.CONCURRENT_CHANGE);
            reload();
            return;
        } catch (RuntimeException e) {
            showAt(Messages.fieldOf(e), Messages.of(e));
            return;
        }
        context.notify("Payment of " + Formats.money(payment.amount()) + " from " + payment.partnerId()
                + " confirmed.", false);
        grid.asSingleSelect().clear();
        reload();
    }

    private void showAt(String field, String text) {
        if (BANK_REFERENCE.equals(field)) {
            bankReference.setErrorMessage(text);
            bankReference.setInvalid(true);
        } else if (BOOKING_DATE.equals(field)) {
            bookingDate.setErrorMessage(text);
            bookingDate.setInvalid(true);
        } else {
            error.setText(text);
        }
    }

    private void clearErrors() {
        error.setText("");
        bankReference.setInvalid(false);
        bookingDate.setInvalid(false);
    }

    void reload() {
        message.setText("");
        provider.refreshAll();
    }

    private String partner(String partnerId) {
        String name = partnerNames.get(partnerId);
        return name == null ? partnerId : partnerId + " " + name;
    }

    static String directionLabel(Direction d) {
        if (d == null) {
            return "Both";
        }
        return d == Direction.RECEIVABLE ? "From partner" : "To partner";
    }
}
