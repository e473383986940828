package org.partnerfinance.claims.ui.internal;

import java.util.Arrays;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import java.util.function.Function;

import org.partnerfinance.claims.api.Claim;
import org.partnerfinance.claims.api.ClaimService;
import org.partnerfinance.claims.api.ClaimStatus;
import org.partnerfinance.claims.api.RejectionReason;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.Role;
import org.partnerfinance.ui.api.ScreenContext;

import com.vaadin.flow.component.HasComponents;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

/**
 * The actions the viewing caller may take on the claim in its current state, as a bar of buttons that each open a
 * {@link ClaimActionDialog}. Adding an action is one entry in {@link #actions} (who is offered it in which state, its
 * button) and the method that opens its dialog. The service decides again on every action: the bar only hides what
 * the caller cannot do.
 */
final class ClaimActionsPart implements ClaimDetailPart {

    /**
     * One action on a claim.
     *
     * @param id      element id of its button
     * @param offered whether the caller is offered the action on the claim as it is
     * @param open    opens the action's dialog for the claim as shown
     */
    record Action(String id, String label, VaadinIcon icon, List<ButtonVariant> variants,
            BiPredicate<Caller, Claim> offered, Consumer<Claim> open) {
    }

    private final ScreenContext context;
    private final ClaimService claims;
    private final Caller caller;
    private final Function<String, String> partnerLabel;
    private final Runnable refresh;

    private final List<Action> actions = List.of(
            new Action("claim-approve", "Approve", VaadinIcon.CHECK,
                    List.of(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS),
                    (who, c) -> who.isFinance() && c.status() == ClaimStatus.SUBMITTED, this::openApprove),
            new Action("claim-reject", "Reject", VaadinIcon.CLOSE, List.of(ButtonVariant.LUMO_ERROR),
                    (who, c) -> who.isFinance() && c.status() == ClaimStatus.SUBMITTED, this::openReject),
            new Action("claim-mark-paid", "Mark paid", VaadinIcon.MONEY, List.of(ButtonVariant.LUMO_PRIMARY),
                    (who, c) -> who.has(Role.FINANCE_MANAGER) && c.status() == ClaimStatus.APPROVED,
                    this::openMarkPaid));

    /**
     * @param partnerLabel a partner id as shown to people (id and name)
     * @param refresh      re-reads the claim and rebuilds the page
     */
    ClaimActionsPart(ScreenContext context, ClaimService claims, Function<String, String> partnerLabel,
            Runnable refresh) {
        this.context = context;
        this.claims = claims;
        this.caller = context.caller();
        this.partnerLabel = partnerLabel;
        this.refresh = refresh;
    }

    @Override
    public void addTo(HasComponents page, Claim c) {
        HorizontalLayout bar = new HorizontalLayout();
        bar.setId("claim-actions");
        for (Action action : actions) {
            if (action.offered().test(caller, c)) {
                Button button = new Button(action.label(), action.icon().create(), e -> action.open().accept(c));
                button.addThemeVariants(action.variants().toArray(ButtonVariant[]::new));
                button.setId(action.id());
                bar.add(button);
            }
        }
        if (bar.getComponentCount() > 0) {
            page.add(bar);
        }
    }

    private ClaimActionDialog dialog(String title, String errorId) {
        return new ClaimActionDialog(context, refresh, title, errorId);
    }

    private void openApprove(Claim current) {
        Span summary = new Span();
        summary.setText("Approve " + Ui.money(current.eligibleAmount()) + " for " + partnerLabel.apply(current.partnerId())
                + ". The accrual is posted to the ledger.");
        TextArea comment = comment("Comment (optional)", "approve-comment");
        ClaimActionDialog dialog = dialog("Approve " + current.reference(), "approve-error").add(summary, comment);
        dialog.confirm("Approve", "approve-confirm",
                () -> dialog.run(() -> claims.approve(caller, current.id(), current.version(),
                        ClaimActionDialog.blankToNull(comment.getValue())), "Claim " + current.reference() + " approved"),
                ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS).open();
        comment.focus();
    }

    private void openReject(Claim current) {
        Select<RejectionReason> reason = new Select<>();
        reason.setLabel("Reason");
        reason.setId("reject-reason");
        reason.setItems(Arrays.asList(RejectionReason.values()));
        reason.setItemLabelGenerator(r -> r.code() + " — " + r.text());
        reason.setRequiredIndicatorVisible(true);
        reason.setWidthFull();
        TextArea comment = comment("Comment for the partner", "reject-comment");
        comment.setHelperText("Required for \"Other reason\".");
        reason.addValueChangeListener(e -> {
            reason.setInvalid(false);
            comment.setRequiredIndicatorVisible(e.getValue() == RejectionReason.OTHER);
        });
        comment.addValueChangeListener(e -> comment.setInvalid(false));
        ClaimActionDialog dialog = dialog("Reject " + current.reference(), "reject-error").add(reason, comment);
        dialog.body().setMinWidth("28em");
        dialog.confirm("Reject", "reject-confirm", () -> {
            boolean ok = true;
            if (reason.getValue() == null) {
                reason.setErrorMessage("Choose a reason.");
                reason.setInvalid(true);
                ok = false;
            }
            if (reason.getValue() == RejectionReason.OTHER && comment.getValue().isBlank()) {
                comment.setErrorMessage("Explain the reason in a comment.");
                comment.setInvalid(true);
                ok = false;
            } else {
                comment.setInvalid(false);
            }
            if (ok) {
                dialog.run(() -> claims.reject(caller, current.id(), current.version(), reason.getValue(),
                        ClaimActionDialog.blankToNull(comment.getValue())), "Claim " + current.reference() + " rejected");
            }
        }, ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR).open();
    }

    private void openMarkPaid(Claim current) {
        TextField reference = new TextField("Payment reference");
        reference.setId("paid-reference");
        reference.setRequiredIndicatorVisible(true);
        reference.setMaxLength(100);
        reference.setWidthFull();
        Span summary = new Span();
        summary.setText("Records payment of " + Ui.money(current.eligibleAmount())
                + " and posts the settlement to the ledger.");
        ClaimActionDialog dialog = dialog("Mark " + current.reference() + " paid", "paid-error").add(summary, reference);
        dialog.confirm("Mark paid", "paid-confirm", () -> {
            if (reference.getValue().isBlank()) {
                reference.setErrorMessage("Enter the payment reference, e.g. the bank transfer id.");
                reference.setInvalid(true);
                return;
            }
            dialog.run(() -> claims.markPaid(caller, current.id(), current.version(), reference.getValue().trim()),
                    "Claim " + current.reference() + " marked paid");
        }, ButtonVariant.LUMO_PRIMARY).open();
        reference.focus();
    }

    /** A comment box of the length decisions take. */
    private static TextArea comment(String label, String id) {
        TextArea comment = new TextArea(label);
        comment.setId(id);
        comment.setMaxLength(ClaimActionDialog.MAX_COMMENT);
        comment.setWidthFull();
        return comment;
    }
}
