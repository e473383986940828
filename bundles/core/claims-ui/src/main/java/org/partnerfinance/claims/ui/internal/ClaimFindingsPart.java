package org.partnerfinance.claims.ui.internal;

import org.partnerfinance.claims.api.Claim;
import org.partnerfinance.claims.api.ComplianceFinding;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasComponents;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;

/** The compliance rules' results recorded with the claim (pass / warn / fail, code, reason). */
final class ClaimFindingsPart implements ClaimDetailPart {

    @Override
    public void addTo(HasComponents page, Claim c) {
        page.add(ClaimDetailPart.section("Compliance checks", findings(c)));
    }

    private static Component findings(Claim c) {
        if (c.findings().isEmpty()) {
            Span none = new Span("No compliance rules applied.");
            none.setId("claim-findings");
            return none;
        }
        Grid<ComplianceFinding> grid = new Grid<>();
        grid.setId("claim-findings");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_NO_BORDER);
        grid.setAllRowsVisible(true);
        grid.addComponentColumn(f -> Ui.badge(f.outcome().name(), Ui.outcomeTheme(f.outcome()))).setHeader("Result")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(ComplianceFinding::code).setHeader("Code").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(ComplianceFinding::message).setHeader("Finding");
        grid.setItems(c.findings());
        return grid;
    }
}
