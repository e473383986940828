package org.partnerfinance.claims.rules.ui.internal;

import java.time.LocalDate;
import java.util.List;

import org.partnerfinance.claims.rules.api.DeadlineExtensions;
import org.partnerfinance.claims.rules.api.ExtensionRequest;
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
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

/**
 * Finance's side: the requests waiting for a decision, oldest first. Selecting one offers "grant until" (a date, an
 * optional note) and "refuse" (a reason the partner reads).
 */
final class ExtensionQueueView extends VerticalLayout {

    /** The default length of an extension offered in the date field. */
    static final int DEFAULT_DAYS = 14;

    private final ScreenContext context;
    private final DeadlineExtensions extensions;
    private final Caller caller;
    private final Grid<ExtensionRequest> grid = new Grid<>();
    private final Span selected = new Span();
    private final DatePicker until = new DatePicker("Submit by");
    private final TextField note = new TextField("Note to the partner (optional)");
    private final TextArea refusal = new TextArea("Reason for refusing");
    private final Span error = new Span();
    private final VerticalLayout decision;

    ExtensionQueueView(ScreenContext context, DeadlineExtensions extensions, LiveUpdates live) {
        this.context = context;
        this.extensions = extensions;
        this.caller = context.caller();
        setSizeFull();

        configureGrid();
        selected.setId("extension-selected");
        until.setId("extension-until");
        until.setMin(LocalDate.now());
        note.setId("extension-note");
        note.setMaxLength(1000);
        note.setWidth("24em");
        refusal.setId("extension-refusal");
        refusal.setMaxLength(1000);
        refusal.setWidth("32em");
        error.setId("extension-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        Button grant = new Button("Grant", e -> grant());
        grant.setId("extension-grant");
        grant.addThemeVariants(ButtonVariant.LUMO_SUCCESS, ButtonVariant.LUMO_PRIMARY);
        Button refuse = new Button("Refuse", e -> refuse());
        refuse.setId("extension-refuse");
        refuse.addThemeVariants(ButtonVariant.LUMO_ERROR);
        HorizontalLayout granting = new HorizontalLayout(until, note, grant);
        granting.setAlignItems(Alignment.BASELINE);
        HorizontalLayout refusing = new HorizontalLayout(refusal, refuse);
        refusing.setAlignItems(Alignment.BASELINE);
        decision = new VerticalLayout(new H3("Decision"), selected, granting, refusing, error);
        decision.setPadding(false);
        decision.setVisible(false);

        add(grid, decision);
        setFlexGrow(1, grid);
        refresh();
        live.subscribe(this, Texts.TOPIC, p -> true, this::refresh);
    }

    private void configureGrid() {
        grid.setId("extension-queue");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(ExtensionRequest::subject).setHeader("Claim").setAutoWidth(true).setFlexGrow(0)
                .setKey("claim");
        grid.addColumn(ExtensionRequest::partnerId).setHeader("Partner").setAutoWidth(true).setFlexGrow(0)
                .setKey("partner");
        grid.addColumn(ExtensionRequest::typeId).setHeader("Type").setAutoWidth(true).setFlexGrow(0).setKey("type");
        grid.addColumn(ExtensionRequest::deadline).setHeader("Deadline").setAutoWidth(true).setFlexGrow(0)
                .setKey("deadline");
        grid.addColumn(ExtensionRequest::reason).setHeader("Reason").setKey("reason");
        grid.addColumn(ExtensionRequest::requestedBy).setHeader("By").setAutoWidth(true).setFlexGrow(0)
                .setKey("by");
        grid.addColumn(r -> Texts.when(r.requestedAt())).setHeader("Requested").setAutoWidth(true).setFlexGrow(0)
                .setKey("requested");
        grid.setEmptyStateText("No requests waiting.");
        grid.asSingleSelect().addValueChangeListener(e -> show(e.getValue()));
        grid.addItemDoubleClickListener(e -> {
            if (e.getItem().claimId() != null) {
                context.navigate("claims/detail?id=" + e.getItem().claimId());
            }
        });
    }

    private void show(ExtensionRequest request) {
        error.setText("");
        decision.setVisible(request != null);
        if (request != null) {
            selected.setText(request.subject() + " of " + request.partnerId() + ": deadline "
                    + request.deadline() + ". " + request.reason());
            until.setValue(LocalDate.now().plusDays(DEFAULT_DAYS));
            note.clear();
            refusal.clear();
        }
    }

    /** Reads the waiting requests again. */
    void refresh() {
        try {
            List<ExtensionRequest> waiting = extensions.waiting(caller);
            ExtensionRequest current = grid.asSingleSelect().getValue();
            grid.setItems(waiting);
            if (current != null) {
                waiting.stream().filter(r -> r.id() == current.id()).findFirst()
                        .ifPresentOrElse(grid.asSingleSelect()::setValue, () -> show(null));
            }
        } catch (RuntimeException e) {
            grid.setItems(List.of());
            error.setText(Texts.messageOf(e));
        }
    }

    private void grant() {
        ExtensionRequest request = grid.asSingleSelect().getValue();
        if (request == null) {
            return;
        }
        decide(() -> extensions.grant(caller, request.id(), request.version(), until.getValue(), note.getValue()),
                "Extension for " + request.subject() + " granted until " + until.getValue() + ".");
    }

    private void refuse() {
        ExtensionRequest request = grid.asSingleSelect().getValue();
        if (request == null) {
            return;
        }
        decide(() -> extensions.refuse(caller, request.id(), request.version(), refusal.getValue()),
                "Extension for " + request.subject() + " refused.");
    }

    private void decide(Runnable call, String done) {
        error.setText("");
        try {
            call.run();
        } catch (ConcurrentChangeException e) {
            refresh();
            error.setText(Texts.messageOf(e));
            return;
        } catch (RuntimeException e) {
            error.setText(Texts.messageOf(e));
            return;
        }
        grid.asSingleSelect().clear();
        refresh();
        context.notify(done, false);
    }
}
