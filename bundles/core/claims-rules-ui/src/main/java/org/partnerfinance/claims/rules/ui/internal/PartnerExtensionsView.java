package org.partnerfinance.claims.rules.ui.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.partnerfinance.claims.api.Claim;
import org.partnerfinance.claims.api.ClaimService;
import org.partnerfinance.claims.api.ClaimStatus;
import org.partnerfinance.claims.api.ClaimTypeInfo;
import org.partnerfinance.claims.rules.api.DeadlineExtensions;
import org.partnerfinance.claims.rules.api.ExtensionRequest;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.ui.api.LiveUpdates;
import org.partnerfinance.ui.api.ScreenContext;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;

/**
 * The partner's side: a form to ask for more time for one of the partner's unsubmitted claims, and every request with
 * finance's answer. The service decides what is allowed; the form shows its refusals as they are.
 */
final class PartnerExtensionsView extends VerticalLayout {

    /** Claims the partner can still submit, and so can ask more time for. */
    private static final Set<ClaimStatus> OPEN = Set.copyOf(EnumSet.of(ClaimStatus.DRAFT, ClaimStatus.RETURNED));

    private final ScreenContext context;
    private final DeadlineExtensions extensions;
    private final ClaimService claims;
    private final Caller caller;
    private final ComboBox<Claim> claim = new ComboBox<>("Saved claim");
    private final ComboBox<ClaimTypeInfo> type = new ComboBox<>("or a new claim of type");
    private final DatePicker date = new DatePicker("dated");
    private final TextArea reason = new TextArea("Why do you need more time?");
    private final Span error = new Span();
    private final Grid<ExtensionRequest> grid = new Grid<>();

    PartnerExtensionsView(ScreenContext context, DeadlineExtensions extensions, ClaimService claims,
            LiveUpdates live) {
        this.context = context;
        this.extensions = extensions;
        this.claims = claims;
        this.caller = context.caller();
        setSizeFull();

        Paragraph intro = new Paragraph("A claim submitted after its deadline is refused. Ask finance for more time "
                + "here, for a saved claim or for a new claim by its type and date; once granted, you can submit it "
                + "until the date finance gives.");
        claim.setId("extension-claim");
        claim.setItemLabelGenerator(Texts::claimLabel);
        claim.setClearButtonVisible(true);
        claim.setWidth("32em");
        type.setId("extension-type");
        type.setItemLabelGenerator(ClaimTypeInfo::name);
        type.setClearButtonVisible(true);
        date.setId("extension-date");
        date.setMax(java.time.LocalDate.now());
        HorizontalLayout newClaim = new HorizontalLayout(type, date);
        reason.setId("extension-reason");
        reason.setMaxLength(1000);
        reason.setWidth("32em");
        error.setId("extension-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        Button request = new Button("Request extension", e -> request());
        request.setId("extension-request");
        request.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        configureGrid();
        add(intro, claim, newClaim, reason, error, request, new H3("Your requests"), grid);
        setFlexGrow(1, grid);
        refresh();
        preselect(context.parameter("claim"));
        live.subscribe(this, Texts.TOPIC, p -> Objects.equals(p, caller.partnerId()), this::refresh);
    }

    private void configureGrid() {
        grid.setId("extension-requests");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(ExtensionRequest::subject).setHeader("Claim").setAutoWidth(true).setFlexGrow(0)
                .setKey("claim");
        grid.addColumn(ExtensionRequest::deadline).setHeader("Deadline").setAutoWidth(true).setFlexGrow(0)
                .setKey("deadline");
        grid.addComponentColumn(r -> {
            Span badge = new Span(Texts.label(r.status()));
            badge.getElement().getThemeList().addAll(List.of(Texts.theme(r.status()).split(" ")));
            return badge;
        }).setHeader("Status").setAutoWidth(true).setFlexGrow(0).setKey("status");
        grid.addColumn(r -> r.grantedUntil() == null ? "" : "Submit by " + r.grantedUntil()).setHeader("Granted")
                .setAutoWidth(true).setFlexGrow(0).setKey("until");
        grid.addColumn(ExtensionRequest::reason).setHeader("Your reason").setKey("reason");
        grid.addColumn(r -> r.decisionNote() == null ? "" : r.decisionNote()).setHeader("Finance's answer")
                .setKey("answer");
        grid.addColumn(r -> Texts.when(r.requestedAt())).setHeader("Requested").setAutoWidth(true).setFlexGrow(0)
                .setKey("requested");
        grid.setEmptyStateText("No requests yet.");
        grid.addItemDoubleClickListener(e -> {
            if (e.getItem().claimId() != null) {
                context.navigate("claims/detail?id=" + e.getItem().claimId());
            }
        });
    }

    /** Reads the partner's open claims and requests again. */
    void refresh() {
        try {
            Claim selected = claim.getValue();
            List<Claim> open = claims.listForPartner(caller, caller.partnerId()).stream()
                    .filter(c -> OPEN.contains(c.status()))
                    .toList();
            claim.setItems(open);
            if (selected != null) {
                open.stream().filter(c -> c.id() == selected.id()).findFirst().ifPresent(claim::setValue);
            }
            if (type.isEmpty()) {
                type.setItems(claims.availableTypes(caller));
            }
            grid.setItems(extensions.forPartner(caller, caller.partnerId()));
        } catch (RuntimeException e) {
            grid.setItems(List.of());
            error.setText(Texts.messageOf(e));
        }
    }

    private void preselect(String claimId) {
        if (claimId == null) {
            return;
        }
        claim.getListDataView().getItems().filter(c -> Long.toString(c.id()).equals(claimId.strip())).findFirst()
                .ifPresent(claim::setValue);
    }

    private void request() {
        error.setText("");
        if (claim.getValue() == null && type.getValue() == null) {
            error.setText("Choose the saved claim that needs more time, or the type and date of a new claim.");
            return;
        }
        try {
            ExtensionRequest created = claim.getValue() != null
                    ? extensions.request(caller, claim.getValue().id(), reason.getValue())
                    : extensions.request(caller, type.getValue().id(), date.getValue(), reason.getValue());
            reason.clear();
            refresh();
            context.notify("More time for " + created.subject() + " requested. Finance will answer here.", false);
        } catch (RuntimeException e) {
            error.setText(Texts.messageOf(e));
        }
    }
}
