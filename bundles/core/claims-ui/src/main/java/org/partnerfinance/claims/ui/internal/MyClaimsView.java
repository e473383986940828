package org.partnerfinance.claims.ui.internal;

import java.util.List;
import java.util.Objects;

import org.partnerfinance.claims.api.Claim;
import org.partnerfinance.claims.api.ClaimService;
import org.partnerfinance.claims.api.ClaimStatus;
import org.partnerfinance.claims.api.ClaimTypeInfo;
import org.partnerfinance.claims.ui.api.ClaimRoutes;
import org.partnerfinance.claims.ui.api.ClaimUpdates;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.ui.api.ScreenContext;

import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.contextmenu.SubMenu;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/**
 * The partner's claims with their status, newest first, and a "New claim" menu listing the claim types installed now.
 * Follows changes live: a decision by finance shows up without reload.
 */
final class MyClaimsView extends VerticalLayout {

    private final ScreenContext context;
    private final ClaimService claims;
    private final Caller caller;
    private final Grid<Claim> grid = new Grid<>();
    private final MenuBar newClaim = new MenuBar();
    private final Span message = new Span();

    MyClaimsView(ScreenContext context, ClaimService claims, ClaimUpdates updates) {
        this.context = context;
        this.claims = claims;
        this.caller = context.caller();
        setSizeFull();
        setPadding(false);

        newClaim.setId("claims-new");
        newClaim.addThemeVariants(MenuBarVariant.LUMO_PRIMARY);
        message.setId("claims-message");
        HorizontalLayout toolbar = new HorizontalLayout(newClaim, message);
        toolbar.setAlignItems(FlexComponent.Alignment.CENTER);

        configureGrid();
        add(toolbar, grid);
        setFlexGrow(1, grid);

        refreshTypes();
        refresh();
        String partnerId = caller.partnerId();
        LiveView.bind(this, updates, change -> Objects.equals(change.partnerId(), partnerId), this::refresh,
                this::refreshTypes);
    }

    private void configureGrid() {
        grid.setId("claims-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(Claim::reference).setHeader("Reference").setAutoWidth(true).setFlexGrow(0)
                .setSortable(true).setKey("reference");
        grid.addColumn(c -> c.typeInstalled() ? c.typeName() : c.typeName() + " (type not installed)")
                .setHeader("Type").setAutoWidth(true).setKey("type");
        grid.addColumn(Claim::date).setHeader("Date").setAutoWidth(true).setFlexGrow(0).setSortable(true)
                .setKey("date");
        grid.addColumn(c -> Ui.money(c.amount())).setHeader("Amount").setAutoWidth(true).setFlexGrow(0)
                .setTextAlign(ColumnTextAlign.END).setKey("amount");
        grid.addComponentColumn(c -> Ui.statusBadge(c.status())).setHeader("Status").setAutoWidth(true)
                .setFlexGrow(0).setKey("status");
        grid.addColumn(c -> Ui.dateTime(c.submittedAt())).setHeader("Submitted").setAutoWidth(true)
                .setFlexGrow(0).setKey("submitted");
        grid.addColumn(c -> c.status() == ClaimStatus.REJECTED ? Ui.reason(c.rejectionReason()) : "")
                .setHeader("Reason").setAutoWidth(true).setKey("reason")
                .setTooltipGenerator(c -> c.status() == ClaimStatus.REJECTED && c.decisionComment() != null
                        ? c.decisionComment() : null);
        grid.addItemClickListener(e -> context.navigate("claims/detail?id=" + e.getItem().id()));
        grid.setEmptyStateText("No claims yet. Use \"New claim\" to submit one.");
    }

    /** Re-reads the claims with this view's caller. */
    void refresh() {
        try {
            List<Claim> list = claims.listForPartner(caller, caller.partnerId());
            grid.setItems(list);
            message.setText("");
        } catch (RuntimeException e) {
            grid.setItems(List.of());
            message.setText(Ui.messageOf(e));
        }
    }

    /** Rebuilds the "New claim" menu from the claim types installed and enabled now. */
    void refreshTypes() {
        newClaim.removeAll();
        MenuItem root = newClaim.addItem(VaadinIcon.PLUS.create());
        root.add(new Span("New claim"));
        SubMenu menu = root.getSubMenu();
        List<ClaimTypeInfo> types;
        try {
            types = claims.availableTypes(caller);
        } catch (RuntimeException e) {
            types = List.of();
            message.setText(Ui.messageOf(e));
        }
        for (ClaimTypeInfo type : types) {
            MenuItem item = menu.addItem(type.name(), e -> context.navigate(ClaimRoutes.newClaim(type.id())));
            item.setId("claims-new-" + type.id());
        }
        if (types.isEmpty()) {
            MenuItem none = menu.addItem("No claim types are installed");
            none.setEnabled(false);
        }
    }
}
