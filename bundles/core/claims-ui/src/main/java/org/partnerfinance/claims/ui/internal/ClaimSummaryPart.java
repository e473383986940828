package org.partnerfinance.claims.ui.internal;

import java.util.List;

import org.partnerfinance.claims.api.Claim;
import org.partnerfinance.claims.api.ClaimStatus;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasComponents;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/** The head of the claim page: reference, type and status, a note when the type is gone, and why it was rejected. */
final class ClaimSummaryPart implements ClaimDetailPart {

    @Override
    public void addTo(HasComponents page, Claim c) {
        H3 title = new H3();
        title.setText(c.reference() + " · " + c.typeName());
        title.setId("claim-reference");
        Span status = Ui.statusBadge(c.status());
        status.setId("claim-status");
        HorizontalLayout header = new HorizontalLayout(title, status);
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        page.add(header);

        if (!c.typeInstalled()) {
            Span missing = Ui.badge("Claim type not installed — showing stored data", List.of("badge", "contrast"));
            missing.setId("claim-type-missing");
            page.add(missing);
        }
        if (c.status() == ClaimStatus.REJECTED) {
            page.add(rejection(c));
        }
    }

    private static Component rejection(Claim c) {
        VerticalLayout box = new VerticalLayout();
        box.setId("claim-rejection");
        box.setPadding(true);
        box.setSpacing(false);
        box.getStyle().set("border-left", "4px solid var(--lumo-error-color)")
                .set("background", "var(--lumo-error-color-10pct)");
        Span reason = new Span();
        reason.setText("Rejected: " + Ui.reason(c.rejection()));
        reason.getStyle().set("font-weight", "600");
        box.add(reason);
        if (c.decisionComment() != null && !c.decisionComment().isBlank()) {
            Span comment = new Span();
            comment.setText(c.decisionComment());
            comment.setId("claim-rejection-comment");
            box.add(comment);
        }
        return box;
    }
}
