package org.partnerfinance.claims.ui.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import java.util.function.Function;

import org.partnerfinance.claims.api.Attachment;
import org.partnerfinance.claims.api.Claim;
import org.partnerfinance.claims.api.ClaimDraft;
import org.partnerfinance.claims.api.ClaimField;
import org.partnerfinance.claims.api.ClaimService;
import org.partnerfinance.claims.api.ClaimStatus;
import org.partnerfinance.claims.api.RejectionCode;
import org.partnerfinance.ledger.api.Money;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.Role;
import org.partnerfinance.ui.api.ScreenContext;

import com.vaadin.flow.component.HasComponents;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
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
                    ClaimActionsPart::mayApproveStep, this::openApprove),
            new Action("claim-approve-partially", "Approve partially", VaadinIcon.ADJUST, List.of(),
                    ClaimActionsPart::mayApproveStep, this::openApprovePartially),
            new Action("claim-return", "Return for information", VaadinIcon.QUESTION_CIRCLE, List.of(),
                    (who, c) -> who.isFinance() && c.status() == ClaimStatus.SUBMITTED, this::openReturn),
            new Action("claim-reject", "Reject", VaadinIcon.CLOSE, List.of(ButtonVariant.LUMO_ERROR),
                    (who, c) -> who.isFinance() && c.status() == ClaimStatus.SUBMITTED, this::openReject),
            new Action("claim-edit", "Edit", VaadinIcon.EDIT, List.of(),
                    (who, c) -> who.isPartner() && editable(c), this::openEdit),
            new Action("claim-resubmit", "Submit", VaadinIcon.PAPERPLANE, List.of(ButtonVariant.LUMO_PRIMARY),
                    (who, c) -> who.isPartner() && editable(c), this::openSubmit),
            new Action("claim-withdraw", "Withdraw", VaadinIcon.ARROW_BACKWARD, List.of(ButtonVariant.LUMO_ERROR),
                    (who, c) -> who.isPartner() && (editable(c) || c.status() == ClaimStatus.SUBMITTED),
                    this::openWithdraw),
            // a pre-approval accrued nothing: it is closed, never paid
            new Action("claim-mark-paid", "Mark paid", VaadinIcon.MONEY, List.of(ButtonVariant.LUMO_PRIMARY),
                    (who, c) -> who.has(Role.FINANCE_MANAGER) && c.status() == ClaimStatus.APPROVED
                            && !c.isApprovedPreApproval(),
                    this::openMarkPaid),
            new Action("claim-close", "Close request and release funds", VaadinIcon.CLOSE_CIRCLE, List.of(),
                    (who, c) -> (who.isPartner() || who.isFinance()) && c.isApprovedPreApproval()
                            && c.typeInstalled(),
                    this::openClose));

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

    /** Whether the caller's roles cover the claim's waiting step (the service checks again, with the limits). */
    static boolean mayApproveStep(Caller who, Claim c) {
        if (!who.isFinance() || c.status() != ClaimStatus.SUBMITTED) {
            return false;
        }
        return c.currentStep().map(step -> who.has(Role.FINANCE_MANAGER)
                || step.role().equals(Role.FINANCE_REVIEWER.id())).orElse(true);
    }

    private static boolean editable(Claim c) {
        return c.status() == ClaimStatus.DRAFT || c.status() == ClaimStatus.RETURNED;
    }

    /** The amount the next approval approves: an earlier step's partial amount, else the eligible amount. */
    private static Money toApprove(Claim c) {
        return c.approvedAmount() != null ? c.approvedAmount() : c.eligibleAmount();
    }

    /** "Step 1 of 2" when the chain has several steps, else empty. */
    private static String stepText(Claim c) {
        return c.steps().size() < 2 ? "" : c.currentStep().map(s -> " step " + s.number() + " of " + c.steps().size())
                .orElse("");
    }

    private void openApprove(Claim current) {
        Span summary = new Span();
        boolean last = current.currentStep().map(s -> s.number() == current.steps().size()).orElse(true);
        summary.setText("Approve" + stepText(current) + ": " + Ui.money(toApprove(current)) + " for "
                + partnerLabel.apply(current.partnerId()) + (last ? ". The accrual is posted to the ledger."
                        : ". The claim then waits for its next step."));
        TextArea comment = comment("Comment (optional)", "approve-comment");
        ClaimActionDialog dialog = dialog("Approve " + current.reference(), "approve-error").add(summary, comment);
        dialog.confirm("Approve", "approve-confirm",
                () -> dialog.run(() -> claims.approve(caller, current.id(), current.version(),
                        ClaimActionDialog.blankToNull(comment.getValue())), "Claim " + current.reference()
                                + (last ? " approved" : stepText(current) + " approved")),
                ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS).open();
        comment.focus();
    }

    private void openReject(Claim current) {
        Select<RejectionCode> reason = new Select<>();
        reason.setLabel("Reason");
        reason.setId("reject-reason");
        reason.setItems(claims.rejectionCodes(caller, false));
        reason.setItemLabelGenerator(r -> r.code() + " — " + r.text());
        reason.setRequiredIndicatorVisible(true);
        reason.setWidthFull();
        TextArea comment = comment("Comment for the partner", "reject-comment");
        comment.setHelperText("Required for some reasons, e.g. \"Other reason\".");
        reason.addValueChangeListener(e -> {
            reason.setInvalid(false);
            comment.setRequiredIndicatorVisible(e.getValue() != null && e.getValue().commentRequired());
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
            if (reason.getValue() != null && reason.getValue().commentRequired() && comment.getValue().isBlank()) {
                comment.setErrorMessage("Explain the reason in a comment.");
                comment.setInvalid(true);
                ok = false;
            } else {
                comment.setInvalid(false);
            }
            if (ok) {
                dialog.run(() -> claims.rejectWithCode(caller, current.id(), current.version(),
                        reason.getValue().code(), ClaimActionDialog.blankToNull(comment.getValue())),
                        "Claim " + current.reference() + " rejected");
            }
        }, ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR).open();
    }

    private void openApprovePartially(Claim current) {
        Money full = toApprove(current);
        BigDecimalField amount = new BigDecimalField("Approved amount (" + full.currency().getCurrencyCode() + ")");
        amount.setId("partial-amount");
        amount.setRequiredIndicatorVisible(true);
        amount.setWidthFull();
        TextArea reason = comment("Reason the partner reads", "partial-reason");
        reason.setRequiredIndicatorVisible(true);
        Span summary = new Span();
        summary.setText("Approve less than " + Ui.money(full) + stepText(current) + "; what you approve is what is"
                + " accrued.");
        ClaimActionDialog dialog = dialog("Approve " + current.reference() + " partially", "partial-error")
                .add(summary, amount, reason);
        dialog.confirm("Approve partially", "partial-confirm", () -> {
            if (amount.getValue() == null) {
                amount.setErrorMessage("Enter the approved amount.");
                amount.setInvalid(true);
                return;
            }
            if (reason.getValue().isBlank()) {
                reason.setErrorMessage("Explain why less is approved.");
                reason.setInvalid(true);
                return;
            }
            dialog.run(() -> claims.approvePartially(caller, current.id(), current.version(),
                    Money.of(amount.getValue(), full.currency().getCurrencyCode()), reason.getValue().trim()),
                    "Claim " + current.reference() + " partially approved");
        }, ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS).open();
        amount.focus();
    }

    private void openReturn(Claim current) {
        TextArea question = comment("Question for the partner", "return-question");
        question.setRequiredIndicatorVisible(true);
        Span summary = new Span();
        summary.setText("The claim goes back to " + partnerLabel.apply(current.partnerId())
                + ", who can change it and submit it again.");
        ClaimActionDialog dialog = dialog("Return " + current.reference() + " for information", "return-error")
                .add(summary, question);
        dialog.confirm("Return", "return-confirm", () -> {
            if (question.getValue().isBlank()) {
                question.setErrorMessage("Write the question the partner should answer.");
                question.setInvalid(true);
                return;
            }
            dialog.run(() -> claims.returnForInformation(caller, current.id(), current.version(),
                    question.getValue().trim()), "Claim " + current.reference() + " returned to the partner");
        }, ButtonVariant.LUMO_PRIMARY).open();
        question.focus();
    }

    /**
     * The partner changes a draft or returned claim: date, description, amount, the type's values (as text, checked by
     * the service with the type's rules) and which attachments stay. New files are added with a new claim's form.
     */
    private void openEdit(Claim current) {
        DatePicker date = new DatePicker("Date", current.date());
        date.setId("edit-date");
        TextArea description = new TextArea("Description", current.description(), "");
        description.setId("edit-description");
        description.setWidthFull();
        BigDecimalField amount = new BigDecimalField("Amount (" + current.amount().currency().getCurrencyCode() + ")");
        amount.setValue(current.amount().amount());
        amount.setId("edit-amount");
        ClaimActionDialog dialog = dialog("Change " + current.reference(), "edit-error").add(date, description, amount);
        Map<String, TextField> values = new LinkedHashMap<>();
        for (ClaimField field : current.fields()) {
            TextField input = new TextField(field.label(), field.value(), "");
            input.setId("edit-field-" + field.name());
            input.setWidthFull();
            values.put(field.name(), input);
            dialog.add(input);
        }
        Map<Long, Checkbox> keep = new LinkedHashMap<>();
        for (Attachment file : current.attachments()) {
            Checkbox box = new Checkbox("Keep " + file.filename(), true);
            box.setId("edit-keep-" + file.id());
            keep.put(file.id(), box);
            dialog.add(box);
        }
        dialog.body().setMinWidth("28em");
        dialog.confirm("Save", "edit-confirm", () -> {
            if (amount.getValue() == null) {
                amount.setErrorMessage("Enter the amount.");
                amount.setInvalid(true);
                return;
            }
            Map<String, String> fields = new LinkedHashMap<>();
            values.forEach((name, input) -> {
                if (!input.getValue().isBlank()) {
                    fields.put(name, input.getValue().trim());
                }
            });
            List<Long> kept = keep.entrySet().stream().filter(e -> e.getValue().getValue()).map(Map.Entry::getKey)
                    .toList();
            ClaimDraft draft = new ClaimDraft(current.typeId(), current.partnerId(), date.getValue(),
                    description.getValue(), Money.of(amount.getValue(), current.amount().currency().getCurrencyCode()),
                    fields, List.of());
            dialog.run(() -> claims.update(caller, current.id(), current.version(), draft, kept),
                    "Claim " + current.reference() + " changed; submit it when it is ready");
        }, ButtonVariant.LUMO_PRIMARY).open();
    }

    private void openSubmit(Claim current) {
        Span summary = new Span();
        summary.setText(current.status() == ClaimStatus.RETURNED
                ? "Submit the changed claim again; the reviewers see every version."
                : "Submit the claim for review.");
        ClaimActionDialog dialog = dialog("Submit " + current.reference(), "resubmit-error").add(summary);
        dialog.confirm("Submit", "resubmit-confirm", () -> dialog.run(() -> claims.submit(caller, current.id(),
                current.version()), "Claim " + current.reference() + " submitted"), ButtonVariant.LUMO_PRIMARY)
                .open();
    }

    private void openWithdraw(Claim current) {
        TextArea reason = comment("Reason (optional)", "withdraw-reason");
        Span summary = new Span();
        summary.setText("A withdrawn claim cannot be submitted again.");
        ClaimActionDialog dialog = dialog("Withdraw " + current.reference(), "withdraw-error").add(summary, reason);
        dialog.confirm("Withdraw", "withdraw-confirm", () -> dialog.run(() -> claims.withdraw(caller, current.id(),
                current.version(), ClaimActionDialog.blankToNull(reason.getValue())),
                "Claim " + current.reference() + " withdrawn"), ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR)
                .open();
    }

    /** Closes an approved pre-approval that will not be claimed (any more); its type releases what it holds. */
    private void openClose(Claim current) {
        TextArea reason = comment("Reason", "close-reason");
        reason.setRequiredIndicatorVisible(true);
        reason.addValueChangeListener(e -> reason.setInvalid(false));
        Span summary = new Span();
        summary.setText("The request is finished without a claim against it: what is still reserved for it ("
                + Ui.money(current.approvedAmount() != null ? current.approvedAmount() : current.eligibleAmount())
                + " when nothing was claimed yet) becomes available again. A closed request cannot be claimed.");
        ClaimActionDialog dialog = dialog("Close " + current.reference(), "close-error").add(summary, reason);
        dialog.confirm("Close request", "close-confirm", () -> {
            if (reason.getValue().isBlank()) {
                reason.setErrorMessage("Give the reason for closing the request.");
                reason.setInvalid(true);
                return;
            }
            dialog.run(() -> claims.close(caller, current.id(), current.version(), reason.getValue().trim()),
                    "Request " + current.reference() + " closed; its funds are released");
        }, ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR).open();
        reason.focus();
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
