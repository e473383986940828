package org.partnerfinance.widget.nextpayments.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.partnerfinance.documents.api.Direction;
import org.partnerfinance.documents.api.Document;
import org.partnerfinance.documents.api.DocumentKind;
import org.partnerfinance.documents.api.DocumentQuery;
import org.partnerfinance.documents.api.DocumentService;
import org.partnerfinance.documents.api.DocumentStatus;
import org.partnerfinance.documents.api.Payment;
import org.partnerfinance.documents.api.PaymentQuery;
import org.partnerfinance.documents.api.PaymentStatus;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.ui.api.LiveUpdates;
import org.partnerfinance.ui.api.ScreenContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/** The next payments the company owes the partner, soonest first; follows changes live. */
final class NextPaymentsCard extends VerticalLayout {

    private static final Logger LOG = LoggerFactory.getLogger(NextPaymentsCard.class);

    static final int SHOWN = 6;
    /** How far ahead payables count as "due soon". */
    static final int HORIZON_DAYS = 45;

    private final transient DocumentService documents;
    private final Caller caller;
    private final Div body = new Div();

    NextPaymentsCard(ScreenContext context, DocumentService documents, LiveUpdates updates) {
        this.documents = documents;
        this.caller = context.caller();
        setId("widget-next-payments-content");
        setPadding(false);
        body.setWidthFull();
        Button open = new Button("Payments", VaadinIcon.ARROW_RIGHT.create(), e -> context.navigate("payments"));
        open.setIconAfterText(true);
        open.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        open.setId("widget-next-payments-open");
        add(body, open);
        refresh();
        String partnerId = caller.partnerId();
        updates.subscribe(this, LiveUpdates.DOCUMENTS, p -> p == null || Objects.equals(p, partnerId), this::refresh);
    }

    List<ExpectedPayment> expected(LocalDate today) {
        List<Payment> announced = new ArrayList<>();
        for (PaymentStatus status : List.of(PaymentStatus.SCHEDULED, PaymentStatus.REPORTED)) {
            announced.addAll(documents.payments(caller, new PaymentQuery(null, Direction.PAYABLE, status, null, null,
                    0, SHOWN)).items());
        }
        List<Document> payables = new ArrayList<>();
        for (DocumentStatus status : List.of(DocumentStatus.OPEN, DocumentStatus.PARTIALLY_SETTLED)) {
            payables.addAll(documents.search(caller, new DocumentQuery(null, Direction.PAYABLE, DocumentKind.INVOICE,
                    status, null, null, null, null, DocumentQuery.Sort.DUE_DATE, true, 0, SHOWN)).items());
        }
        LocalDate horizon = today.plusDays(HORIZON_DAYS);
        payables.removeIf(d -> d.dueDate().isAfter(horizon));
        return ExpectedPayment.merge(announced, payables, today, SHOWN);
    }

    void refresh() {
        body.removeAll();
        LocalDate today = LocalDate.now();
        List<ExpectedPayment> rows;
        try {
            rows = expected(today);
        } catch (RuntimeException e) {
            LOG.warn("Next payments card could not read payments", e);
            body.add(new Span("Expected payments cannot be shown right now."));
            return;
        }
        if (rows.isEmpty()) {
            Span none = new Span("No payments from the company are expected in the next " + HORIZON_DAYS + " days.");
            none.setId("widget-next-payments-none");
            body.add(none);
            return;
        }
        VerticalLayout list = new VerticalLayout();
        list.setId("widget-next-payments-list");
        list.setPadding(false);
        list.setSpacing(false);
        for (ExpectedPayment row : rows) {
            Span date = new Span(row.date().toString());
            date.setWidth("7em");
            Span what = new Span();
            what.setText(row.what() + (row.overdue() ? " (overdue)" : ""));
            if (row.overdue()) {
                what.getStyle().set("color", "var(--lumo-error-text-color)");
            }
            Span amount = new Span();
            amount.setText(row.amount().format());
            amount.getStyle().set("font-weight", "600").set("margin-left", "auto");
            HorizontalLayout line = new HorizontalLayout(date, what, amount);
            line.setWidthFull();
            list.add(line);
        }
        body.add(list);
    }
}
