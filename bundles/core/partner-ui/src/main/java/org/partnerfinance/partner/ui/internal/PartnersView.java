package org.partnerfinance.partner.ui.internal;

import java.util.List;
import java.util.Optional;

import org.partnerfinance.partner.api.Partner;
import org.partnerfinance.partner.api.PartnerService;
import org.partnerfinance.partner.api.PartnerValidationException;
import org.partnerfinance.persistence.api.ConcurrentChangeException;
import org.partnerfinance.security.api.AccessDeniedException;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.ui.api.ScreenContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/** The partners grid and, beside it, the form for the selected or a new partner. */
final class PartnersView extends HorizontalLayout {

    private static final Logger LOG = LoggerFactory.getLogger(PartnersView.class);

    static final String CHANGED_MEANWHILE = "Someone else changed this partner meanwhile. Reload it to see the latest "
            + "data, then make your change again.";
    static final String UNEXPECTED = "The partner could not be saved. Please try again; if it keeps failing, contact "
            + "the portal administrator.";

    private final ScreenContext context;
    private final PartnerService partners;
    private final Caller caller;
    private final boolean canEdit;
    private final Grid<Partner> grid = new Grid<>();
    private final Span summary = new Span();
    private final PartnerEditor editor;

    PartnersView(ScreenContext context, PartnerService partners) {
        this.context = context;
        this.partners = partners;
        this.caller = context.caller();
        this.canEdit = PartnersScreen.canEdit(caller);
        setSizeFull();
        setPadding(false);
        editor = new PartnerEditor(canEdit, this::save, this::reloadSelected);
        editor.setWidth("420px");
        editor.getStyle().set("flex-shrink", "0");

        Button create = new Button("New partner", VaadinIcon.PLUS.create(), e -> newPartner());
        create.setId("partner-new");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setVisible(canEdit);
        summary.setId("partners-summary");
        HorizontalLayout toolbar = new HorizontalLayout(create, summary);
        toolbar.setAlignItems(Alignment.CENTER);

        configureGrid();
        VerticalLayout left = new VerticalLayout(toolbar, grid);
        left.setPadding(false);
        left.setSizeFull();
        left.setFlexGrow(1, grid);
        add(left, editor);
        setFlexGrow(1, left);
        refresh();
        if (canEdit) {
            newPartner();
        } else {
            editor.setVisible(false);
        }
    }

    private void configureGrid() {
        grid.setId("partners-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(Partner::id).setHeader("Id").setAutoWidth(true).setFlexGrow(0).setKey("id").setSortable(true);
        grid.addColumn(Partner::name).setHeader("Name").setAutoWidth(true).setKey("name").setSortable(true);
        grid.addColumn(p -> PartnerForm.kindLabel(p.kind())).setHeader("Kind").setAutoWidth(true).setFlexGrow(0)
                .setKey("kind");
        grid.addColumn(Partner::vatId).setHeader("VAT id").setAutoWidth(true).setFlexGrow(0).setKey("vatId");
        grid.addColumn(Partner::peppolId).setHeader("Peppol id").setAutoWidth(true).setFlexGrow(0)
                .setKey("peppolId");
        grid.addColumn(Partner::allowedCurrencyCodes).setHeader("Currencies").setAutoWidth(true).setFlexGrow(0)
                .setKey("currencies");
        grid.addColumn(PartnerForm::terms).setHeader("Terms").setAutoWidth(true).setFlexGrow(0).setKey("terms");
        grid.addColumn(p -> p.active() ? "" : "Inactive").setHeader("Status").setAutoWidth(true).setFlexGrow(0)
                .setKey("status");
        grid.setEmptyStateText("No partners yet.");
        grid.asSingleSelect().addValueChangeListener(e -> {
            if (e.getValue() != null) {
                editor.show(PartnerForm.of(e.getValue()));
                editor.setVisible(true);
            }
        });
    }

    private void newPartner() {
        grid.asSingleSelect().clear();
        editor.show(PartnerForm.blank());
        editor.setVisible(true);
    }

    /** Reads the partners again; keeps the selection on the same partner when it is still there. */
    void refresh() {
        try {
            List<Partner> all = partners.list(caller);
            grid.setItems(all);
            summary.setText(all.size() == 1 ? "1 partner" : all.size() + " partners");
        } catch (AccessDeniedException e) {
            grid.setItems(List.of());
            summary.setText(e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("Listing partners failed", e);
            grid.setItems(List.of());
            summary.setText("The partners cannot be shown right now.");
        }
    }

    private void save(PartnerForm form) {
        Partner saved;
        try {
            if (form.existing()) {
                saved = partners.update(caller, form.id, form.version, form.toDetails());
            } else {
                saved = partners.create(caller, form.normalisedId(), form.toDetails());
            }
        } catch (PartnerValidationException e) {
            editor.showError(PartnerForm.fieldOf(e.field()), e.getMessage());
            return;
        } catch (ConcurrentChangeException e) {
            editor.showConcurrentChange(CHANGED_MEANWHILE);
            return;
        } catch (AccessDeniedException | IllegalArgumentException e) {
            editor.showError(null, e.getMessage());
            return;
        } catch (RuntimeException e) {
            LOG.warn("Saving partner {} failed", form.id, e);
            editor.showError(null, UNEXPECTED);
            return;
        }
        refresh();
        grid.asSingleSelect().setValue(saved);
        editor.show(PartnerForm.of(saved));
        context.notify("Partner " + saved.id() + " saved.", false);
    }

    /** After a concurrent change: shows the stored state of the partner being edited. */
    private void reloadSelected(String partnerId) {
        refresh();
        Optional<Partner> current;
        try {
            current = partners.find(caller, partnerId);
        } catch (RuntimeException e) {
            LOG.warn("Reading partner {} failed", partnerId, e);
            current = Optional.empty();
        }
        if (current.isPresent()) {
            grid.asSingleSelect().setValue(current.get());
            editor.show(PartnerForm.of(current.get()));
        } else {
            newPartner();
        }
    }
}
