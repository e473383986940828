package org.partnerfinance.claims.ui.internal;

import org.partnerfinance.claims.api.ApprovalStep;
import org.partnerfinance.claims.api.Claim;
import org.partnerfinance.claims.api.ClaimStatus;

import com.vaadin.flow.component.HasComponents;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/**
 * Where the claim stands in its approval: each step of the chain (who approved it and when, which one is waiting and
 * by when it is due), the reviewer's question of a returned claim, the reason of a partial approval, a withdrawal or
 * the closing of a pre-approval.
 * Partners and finance staff see the same.
 */
final class ClaimWorkflowPart implements ClaimDetailPart {

    @Override
    public void addTo(HasComponents page, Claim c) {
        if (c.status() == ClaimStatus.RETURNED && c.statusNote() != null) {
            page.add(note("claim-question", "Question from the reviewer: " + c.statusNote(),
                    "var(--lumo-primary-color)"));
        }
        if (c.status() == ClaimStatus.WITHDRAWN) {
            page.add(note("claim-withdrawn", "Withdrawn" + (c.statusNote() == null ? "." : ": " + c.statusNote()),
                    "var(--lumo-contrast-50pct)"));
        }
        if (c.status() == ClaimStatus.CLOSED) {
            page.add(note("claim-closed", "Closed" + (c.statusNote() == null ? "." : ": " + c.statusNote()),
                    "var(--lumo-contrast-50pct)"));
        }
        if (c.partialReason() != null && c.approvedAmount() != null) {
            page.add(note("claim-partial", "Approved " + Ui.money(c.approvedAmount()) + " of "
                    + Ui.money(c.eligibleAmount()) + ": " + c.partialReason(), "var(--lumo-success-color)"));
        }
        if (c.steps().isEmpty()) {
            return;
        }
        VerticalLayout chain = new VerticalLayout();
        chain.setId("claim-steps");
        chain.setPadding(false);
        chain.setSpacing(false);
        Span title = new Span();
        title.setText("Approval: " + c.steps().size() + (c.steps().size() == 1 ? " step" : " steps"));
        title.getStyle().set("font-weight", "600");
        chain.add(title);
        ApprovalStep current = c.currentStep().orElse(null);
        for (ApprovalStep step : c.steps()) {
            Span line = new Span();
            line.setId("claim-step-" + step.number());
            line.setText(describe(step, step.equals(current)));
            chain.add(line);
        }
        page.add(chain);
    }

    /** One step in words, e.g. "2. Finance manager — waiting, due 2025-03-23 10:00". */
    static String describe(ApprovalStep step, boolean current) {
        String role = Ui.roleName(step.role());
        if (step.approved()) {
            return step.number() + ". " + role + " — approved by " + step.approvedBy() + " on "
                    + Ui.dateTime(step.approvedAt()) + (step.comment() == null ? "" : ": " + step.comment());
        }
        if (current) {
            return step.number() + ". " + role + " — waiting" + (step.due() == null ? ""
                    : ", due " + Ui.dateTime(step.due()));
        }
        return step.number() + ". " + role + " — after the step before";
    }

    private static Span note(String id, String text, String color) {
        Span note = new Span();
        note.setId(id);
        note.setText(text);
        note.getStyle().set("border-left", "4px solid " + color).set("padding", "var(--lumo-space-s)")
                .set("display", "block");
        return note;
    }
}
