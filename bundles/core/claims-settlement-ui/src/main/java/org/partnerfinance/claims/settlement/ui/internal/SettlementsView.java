package org.partnerfinance.claims.settlement.ui.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.partnerfinance.claims.api.Claim;
import org.partnerfinance.claims.api.ClaimSettlement;
import org.partnerfinance.claims.api.SettlementMethod;
import org.partnerfinance.claims.settlement.api.SettlementOutcome;
import org.partnerfinance.claims.settlement.api.SettlementService;
import org.partnerfinance.documents.api.BankConfirmation;
import org.partnerfinance.documents.api.DocumentValidationException;
import org.partnerfinance.persistence.api.ConcurrentChangeException;
import org.partnerfinance.security.api.AccessDeniedException;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.Role;
import org.partnerfinance.ui.api.ScreenContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;

/**
 * Finance's settlement desk. Approved claims are selected and scheduled as credit note or payment on a date (finance
 * managers); the schedule lists what is planned; managers run due settlements now, and confirm a scheduled payment by
 * hand with the bank's reference. Every outcome is shown per claim.
 */
final class SettlementsView extends VerticalLayout {

    private static final Logger LOG = LoggerFactory.getLogger(SettlementsView.class);

    private final SettlementService settlements;
    private final Caller caller;
    private final Clock clock;
    private final boolean manager;

    final Grid<Claim> approved = new Grid<>();
    final Grid<ClaimSettlement> scheduled = new Grid<>();
    final RadioButtonGroup<SettlementMethod> method = new RadioButtonGroup<>("Settle as");
    final DatePicker date = new DatePicker("Date");
    final Button schedule = new Button("Schedule settlement");
    final Button runDue = new Button("Run due settlements");
    final TextField bankReference = new TextField("Bank reference");
    final DatePicker bookingDate = new DatePicker("Booking date");
    final Button confirm = new Button("Confirm payment");
    final VerticalLayout messages = new VerticalLayout();

    SettlementsView(ScreenContext context, SettlementService settlements, Clock clock) {
        this.settlements = settlements;
        this.caller = context.caller();
        this.clock = clock;
        this.manager = !caller.isPartner() && caller.has(Role.FINANCE_MANAGER);
        setWidthFull();
        setPadding(false);
        messages.setPadding(false);
        messages.setSpacing(false);
        messages.setId("settlement-messages");

        approved.setId("settlement-approved");
        approved.setSelectionMode(Grid.SelectionMode.MULTI);
        approved.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        approved.addColumn(Claim::reference).setHeader("Claim").setAutoWidth(true).setKey("reference");
        approved.addColumn(Claim::partnerId).setHeader("Partner").setAutoWidth(true).setKey("partner");
        approved.addColumn(Claim::typeName).setHeader("Type").setAutoWidth(true).setKey("type");
        approved.addColumn(c -> (c.approvedAmount() != null ? c.approvedAmount() : c.eligibleAmount()).format())
                .setHeader("Approved amount").setAutoWidth(true).setKey("amount");
        approved.addColumn(Claim::decidedBy).setHeader("Approved by").setAutoWidth(true).setKey("approver");
        approved.setAllRowsVisible(true);

        scheduled.setId("settlement-scheduled");
        scheduled.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        scheduled.addColumn(ClaimSettlement::claimReference).setHeader("Claim").setAutoWidth(true).setKey("reference");
        scheduled.addColumn(ClaimSettlement::partnerId).setHeader("Partner").setAutoWidth(true).setKey("partner");
        scheduled.addColumn(s -> s.plan().method().label()).setHeader("As").setAutoWidth(true).setKey("method");
        scheduled.addColumn(s -> s.plan().date().toString()).setHeader("Date").setAutoWidth(true).setKey("date");
        scheduled.addColumn(s -> s.amount().format()).setHeader("Amount").setAutoWidth(true).setKey("amount");
        scheduled.addColumn(s -> s.plan().documentNumber() == null ? "" : s.plan().documentNumber())
                .setHeader("Document").setAutoWidth(true).setKey("document");
        scheduled.addColumn(ClaimSettlement::scheduledBy).setHeader("Scheduled by").setAutoWidth(true)
                .setKey("by");
        scheduled.setAllRowsVisible(true);

        add(heading("Approved claims to settle"), approved);
        if (manager) {
            method.setId("settlement-method");
            method.setItems(SettlementMethod.values());
            method.setItemLabelGenerator(m -> m == SettlementMethod.PAYMENT ? "Payment" : "Credit note");
            method.setValue(SettlementMethod.PAYMENT);
            date.setId("settlement-date");
            date.setValue(LocalDate.now(clock));
            date.setMin(LocalDate.now(clock));
            schedule.setId("settlement-schedule");
            schedule.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            schedule.addClickListener(e -> scheduleSelected());
            HorizontalLayout plan = new HorizontalLayout(method, date, schedule);
            plan.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
            add(plan);
        }
        add(messages, heading("Scheduled settlements"), scheduled);
        if (manager) {
            runDue.setId("settlement-run-due");
            runDue.addClickListener(e -> runDueNow());
            bankReference.setId("settlement-bank-reference");
            bankReference.setMaxLength(100);
            bookingDate.setId("settlement-booking-date");
            bookingDate.setValue(LocalDate.now(clock));
            bookingDate.setMax(LocalDate.now(clock));
            confirm.setId("settlement-confirm");
            confirm.addClickListener(e -> confirmSelected());
            HorizontalLayout actions = new HorizontalLayout(runDue, bankReference, bookingDate, confirm);
            actions.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
            add(actions);
        }
        refresh();
    }

    private static H4 heading(String text) {
        H4 heading = new H4();
        heading.setText(text);
        return heading;
    }

    void refresh() {
        try {
            approved.setItems(settlements.toSettle(caller));
            scheduled.setItems(settlements.scheduled(caller));
        } catch (RuntimeException e) {
            show(List.of(messageOf(e)));
        }
    }

    void scheduleSelected() {
        List<Long> ids = approved.getSelectedItems().stream().map(Claim::id).toList();
        if (ids.isEmpty()) {
            show(List.of("Select the claims to settle."));
            return;
        }
        try {
            show(outcomes(settlements.schedule(caller, ids, method.getValue(), date.getValue())));
        } catch (RuntimeException e) {
            show(List.of(messageOf(e)));
        }
        approved.deselectAll();
        refresh();
    }

    void runDueNow() {
        try {
            List<String> done = outcomes(settlements.runDue(caller, LocalDate.now(clock)));
            show(done.isEmpty() ? List.of("Nothing is due.") : done);
        } catch (RuntimeException e) {
            show(List.of(messageOf(e)));
        }
        refresh();
    }

    void confirmSelected() {
        ClaimSettlement selected = scheduled.asSingleSelect().getValue();
        if (selected == null) {
            show(List.of("Select the scheduled payment the bank confirmed."));
            return;
        }
        try {
            Claim paid = settlements.confirmPayment(caller, selected.claimId(),
                    new BankConfirmation(bankReference.getValue(), bookingDate.getValue()));
            show(List.of(paid.reference() + ": paid, bank reference " + paid.paymentReference()));
            bankReference.clear();
        } catch (RuntimeException e) {
            show(List.of(messageOf(e)));
        }
        refresh();
    }

    private static List<String> outcomes(List<SettlementOutcome> outcomes) {
        return outcomes.stream().map(SettlementOutcome::message).toList();
    }

    private void show(List<String> lines) {
        messages.removeAll();
        for (String line : lines) {
            Span span = new Span();
            span.setText(line);
            messages.add(span);
        }
    }

    /** What the user reads for a failure: the service's own words for expected ones, a neutral text otherwise. */
    static String messageOf(RuntimeException e) {
        if (e instanceof IllegalArgumentException || e instanceof IllegalStateException
                || e instanceof AccessDeniedException || e instanceof DocumentValidationException) {
            return e.getMessage();
        }
        if (e instanceof ConcurrentChangeException) {
            return "Someone else changed this at the same time. The latest state is shown; please try again.";
        }
        LOG.error("Settlement action failed", e);
        return "The action could not be completed. Please try again; if it keeps failing, contact the portal "
                + "administrator.";
    }
}
