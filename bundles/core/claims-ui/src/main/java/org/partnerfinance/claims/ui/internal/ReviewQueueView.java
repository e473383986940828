package org.partnerfinance.claims.ui.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.partnerfinance.claims.api.ApprovalOutcome;
import org.partnerfinance.claims.api.Claim;
import org.partnerfinance.claims.api.ClaimService;
import org.partnerfinance.claims.api.ClaimStatus;
import org.partnerfinance.claims.api.ComplianceOutcome;
import org.partnerfinance.claims.ui.api.ClaimUpdates;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.ui.api.ScreenContext;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/** Submitted claims of all partners awaiting a decision, oldest first. Follows changes live. */
final class ReviewQueueView extends VerticalLayout {

    private final ScreenContext context;
    private final ClaimService claims;
    private final Supplier<Map<String, String>> partnerNames;
    private final Clock clock;
    private final Caller caller;
    private final Grid<Claim> grid = new Grid<>();
    private final Span summary = new Span();
    private final Button approveSelected = new Button("Approve selected", VaadinIcon.CHECK.create());
    private final VerticalLayout results = new VerticalLayout();
    private Map<String, String> names = Map.of();
    private Instant now;

    ReviewQueueView(ScreenContext context, ClaimService claims, ClaimUpdates updates,
            Supplier<Map<String, String>> partnerNames, Clock clock) {
        this.context = context;
        this.claims = claims;
        this.partnerNames = partnerNames;
        this.clock = clock;
        this.caller = context.caller();
        setSizeFull();
        setPadding(false);
        summary.setId("review-summary");
        configureGrid();
        approveSelected.setId("review-approve-selected");
        approveSelected.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
        approveSelected.setEnabled(false);
        approveSelected.addClickListener(e -> approveSelected());
        results.setId("review-results");
        results.setPadding(false);
        results.setSpacing(false);
        results.setVisible(false);
        HorizontalLayout bar = new HorizontalLayout(summary, approveSelected);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(bar, results, grid);
        setFlexGrow(1, grid);
        refresh();
        LiveView.bind(this, updates, change -> true, this::refresh, null);
    }

    private void configureGrid() {
        grid.setId("review-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(Claim::reference).setHeader("Reference").setAutoWidth(true).setFlexGrow(0).setKey("reference");
        grid.addColumn(c -> partner(c.partnerId())).setHeader("Partner").setAutoWidth(true).setKey("partner");
        grid.addColumn(Claim::typeName).setHeader("Type").setAutoWidth(true).setKey("type");
        grid.addColumn(Claim::date).setHeader("Date").setAutoWidth(true).setFlexGrow(0).setKey("date");
        grid.addColumn(c -> Ui.money(c.amount())).setHeader("Amount").setAutoWidth(true).setFlexGrow(0)
                .setTextAlign(ColumnTextAlign.END).setKey("amount");
        grid.addColumn(c -> Ui.dateTime(c.submittedAt())).setHeader("Submitted").setAutoWidth(true).setFlexGrow(0)
                .setKey("submitted");
        grid.addColumn(Ui::waitingFor).setHeader("Waiting for").setAutoWidth(true).setKey("step");
        grid.addColumn(c -> Ui.ageInDays(c.submittedAt(), now)).setHeader("Age (days)").setAutoWidth(true)
                .setFlexGrow(0).setTextAlign(ColumnTextAlign.END).setKey("age");
        grid.addComponentColumn(c -> {
            long warnings = warnings(c);
            return warnings == 0 ? new Span() : Ui.badge(String.valueOf(warnings), List.of("badge", "warning"));
        }).setHeader("Warnings").setAutoWidth(true).setFlexGrow(0).setKey("warnings");
        grid.addItemClickListener(e -> context.navigate("claims/detail?id=" + e.getItem().id()));
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        grid.addSelectionListener(e -> {
            approveSelected.setEnabled(!e.getAllSelectedItems().isEmpty());
            approveSelected.setText(e.getAllSelectedItems().isEmpty() ? "Approve selected"
                    : "Approve " + e.getAllSelectedItems().size() + " selected");
        });
        grid.setEmptyStateText("Nothing to review.");
    }

    /** Compliance findings that need the reviewer's judgement. */
    static long warnings(Claim c) {
        return c.findings().stream().filter(f -> f.outcome() != ComplianceOutcome.PASS).count();
    }

    private String partner(String partnerId) {
        String name = names.get(partnerId);
        return name == null ? partnerId : partnerId + " " + name;
    }

    /**
     * Approves the current step of every selected claim; each claim has its own outcome (limits and segregation of
     * duties apply per claim), listed above the queue.
     */
    void approveSelected() {
        Map<Long, Long> selected = new LinkedHashMap<>();
        Map<Long, String> references = new LinkedHashMap<>();
        grid.getSelectedItems().stream().sorted(java.util.Comparator.comparing(Claim::id)).forEach(c -> {
            selected.put(c.id(), c.version());
            references.put(c.id(), c.reference());
        });
        if (selected.isEmpty()) {
            return;
        }
        results.removeAll();
        try {
            List<ApprovalOutcome> outcomes = claims.approveAll(caller, selected, null);
            long approved = outcomes.stream().filter(ApprovalOutcome::succeeded).count();
            for (ApprovalOutcome outcome : outcomes) {
                Span line = new Span();
                line.setId("review-result-" + outcome.claimId());
                String reference = references.getOrDefault(outcome.claimId(), String.valueOf(outcome.claimId()));
                line.setText(outcome.succeeded()
                        ? reference + ": " + (outcome.claim().status() == ClaimStatus.APPROVED ? "approved"
                                : "step approved, " + Ui.waitingFor(outcome.claim()))
                        : reference + ": not approved — " + outcome.message());
                line.getStyle().set("color", outcome.succeeded() ? "var(--lumo-success-text-color)"
                        : "var(--lumo-error-text-color)");
                results.add(line);
            }
            context.notify(approved + " of " + outcomes.size() + " claims approved", approved < outcomes.size());
        } catch (RuntimeException e) {
            Span line = new Span();
            line.setText(Ui.messageOf(e));
            results.add(line);
        }
        results.setVisible(true);
        grid.deselectAll();
        refresh();
    }

    void refresh() {
        now = clock.instant();
        names = partnerNames.get();
        try {
            List<Claim> queue = claims.reviewQueue(caller);
            grid.setItems(queue);
            summary.setText(queue.isEmpty() ? "No claims are waiting for review."
                    : queue.size() + (queue.size() == 1 ? " claim is" : " claims are") + " waiting for review.");
        } catch (RuntimeException e) {
            grid.setItems(List.of());
            summary.setText(Ui.messageOf(e));
        }
    }
}
