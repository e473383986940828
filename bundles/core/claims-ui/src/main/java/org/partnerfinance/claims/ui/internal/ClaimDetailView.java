package org.partnerfinance.claims.ui.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import org.partnerfinance.claims.api.Attachment;
import org.partnerfinance.claims.api.Claim;
import org.partnerfinance.claims.api.ClaimField;
import org.partnerfinance.claims.api.ClaimEvent;
import org.partnerfinance.claims.api.ClaimService;
import org.partnerfinance.claims.api.ClaimStatus;
import org.partnerfinance.claims.api.ComplianceFinding;
import org.partnerfinance.claims.api.IllegalTransitionException;
import org.partnerfinance.claims.api.RejectionReason;
import org.partnerfinance.claims.ui.api.ClaimUpdates;
import org.partnerfinance.persistence.api.ConcurrentChangeException;
import org.partnerfinance.security.api.AccessDeniedException;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.Role;
import org.partnerfinance.ui.api.ScreenContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.streams.DownloadHandler;

/**
 * One claim with everything stored about it, its receipts (viewable in the page and in a new tab), compliance findings
 * and history; finance staff decide on it here. Re-reads itself when the claim changes elsewhere.
 */
final class ClaimDetailView extends VerticalLayout {

    private static final Logger LOG = LoggerFactory.getLogger(ClaimDetailView.class);

    /** Content types served inline (rendered by the browser); anything else is offered as a download only. */
    private static final int MAX_COMMENT = 2000;

    private final ScreenContext context;
    private final ClaimService claims;
    private final Function<String, String> partnerName;
    private final Supplier<Optional<String>> auditPublicKey;
    private final Caller caller;
    private final long claimId;
    private Claim claim;

    /**
     * @param auditPublicKey the audit trail's public key (PEM) that partners check downloaded proofs with; empty while
     *                       the audit service is not there
     */
    ClaimDetailView(ScreenContext context, ClaimService claims, ClaimUpdates updates,
            Function<String, String> partnerName, Supplier<Optional<String>> auditPublicKey) {
        this.context = context;
        this.claims = claims;
        this.partnerName = partnerName;
        this.auditPublicKey = auditPublicKey;
        this.caller = context.caller();
        this.claimId = parseId(context.parameter("id"));
        setPadding(false);
        setWidthFull();
        refresh();
        if (claimId > 0) {
            LiveView.bind(this, updates, change -> change.claimId() == claimId, this::refresh, null);
        }
    }

    static long parseId(String value) {
        if (value == null) {
            return -1;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Re-reads the claim with this view's caller and rebuilds the view. */
    void refresh() {
        removeAll();
        add(backButton());
        if (claimId <= 0) {
            add(notice("No claim selected: the address needs a claim id, e.g. claims/detail?id=42."));
            return;
        }
        Optional<Claim> found;
        try {
            found = claims.find(caller, claimId);
        } catch (RuntimeException e) {
            add(notice(Ui.messageOf(e)));
            return;
        }
        if (found.isEmpty()) {
            add(notice("Claim " + claimId + " does not exist or you may not see it."));
            return;
        }
        claim = found.get();
        build(claim);
    }

    private Component notice(String text) {
        Span span = new Span();
        span.setText(text);
        span.setId("claim-message");
        return span;
    }

    private Button backButton() {
        boolean finance = caller.isFinance() && !caller.isPartner();
        Button back = new Button(finance ? "Review queue" : "My claims", VaadinIcon.ARROW_LEFT.create(),
                e -> context.navigate(finance ? "review" : "claims"));
        back.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        back.setId("claim-back");
        return back;
    }

    private void build(Claim c) {
        H3 title = new H3();
        title.setText(c.reference() + " · " + c.typeName());
        title.setId("claim-reference");
        Span status = Ui.statusBadge(c.status());
        status.setId("claim-status");
        HorizontalLayout header = new HorizontalLayout(title, status);
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(header);

        if (!c.typeInstalled()) {
            Span missing = Ui.badge("Claim type not installed — showing stored data", List.of("badge", "contrast"));
            missing.setId("claim-type-missing");
            add(missing);
        }
        if (c.status() == ClaimStatus.REJECTED) {
            add(rejection(c));
        }
        Component actions = actions(c);
        if (actions != null) {
            add(actions);
        }
        add(facts(c));
        if (!c.fields().isEmpty()) {
            add(section("Details of the " + c.typeName().toLowerCase(java.util.Locale.ROOT), typeFields(c)));
        }
        add(section("Attachments", attachments(c)));
        add(section("Compliance checks", findings(c)));
        Component history = history(c);
        if (history != null) {
            add(history);
        }
    }

    private Component rejection(Claim c) {
        VerticalLayout box = new VerticalLayout();
        box.setId("claim-rejection");
        box.setPadding(true);
        box.setSpacing(false);
        box.getStyle().set("border-left", "4px solid var(--lumo-error-color)")
                .set("background", "var(--lumo-error-color-10pct)");
        Span reason = new Span();
        reason.setText("Rejected: " + Ui.reason(c.rejectionReason()));
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

    private Component facts(Claim c) {
        FormLayout form = new FormLayout();
        form.setId("claim-facts");
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1),
                new FormLayout.ResponsiveStep("40em", 2));
        addFact(form, "Partner", c.partnerId() + nameSuffix(c.partnerId()));
        addFact(form, "Type", c.typeName() + (c.typeInstalled() ? "" : " (not installed)"));
        addFact(form, "Date", c.date() == null ? "" : c.date().toString());
        addFact(form, "Amount", Ui.money(c.amount()), "claim-amount");
        addFact(form, "Eligible amount", Ui.money(c.eligibleAmount()));
        addFact(form, "Description", c.description());
        addFact(form, "Created", Ui.dateTime(c.createdAt()) + " by " + c.createdBy());
        if (c.submittedAt() != null) {
            addFact(form, "Submitted", Ui.dateTime(c.submittedAt()));
        }
        if (c.decidedAt() != null) {
            addFact(form, "Decided", Ui.dateTime(c.decidedAt()) + (c.decidedBy() == null ? "" : " by " + c.decidedBy()));
            if (c.status() != ClaimStatus.REJECTED && c.decisionComment() != null && !c.decisionComment().isBlank()) {
                addFact(form, "Comment", c.decisionComment());
            }
        }
        if (c.paidAt() != null) {
            addFact(form, "Paid", Ui.dateTime(c.paidAt()));
        }
        if (c.paymentReference() != null) {
            addFact(form, "Payment reference", c.paymentReference());
        }
        return form;
    }

    private String nameSuffix(String partnerId) {
        String name = partnerName.apply(partnerId);
        return name == null || name.isBlank() ? "" : " " + name;
    }

    private static void addFact(FormLayout form, String label, String value) {
        addFact(form, label, value, null);
    }

    private static void addFact(FormLayout form, String label, String value, String id) {
        Span span = new Span();
        span.setText(value == null ? "" : value);
        if (id != null) {
            span.setId(id);
        }
        form.addFormItem(span, label);
    }

    private Component typeFields(Claim c) {
        FormLayout form = new FormLayout();
        form.setId("claim-fields");
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1),
                new FormLayout.ResponsiveStep("40em", 2));
        for (ClaimField field : c.fields()) {
            String label = field.label() == null || field.label().isBlank() ? field.name() : field.label();
            addFact(form, label, field.value(), "claim-field-" + field.name());
        }
        return form;
    }

    private static Component section(String title, Component content) {
        H4 heading = new H4();
        heading.setText(title);
        VerticalLayout section = new VerticalLayout(heading, content);
        section.setPadding(false);
        section.setSpacing(false);
        return section;
    }

    private Component attachments(Claim c) {
        VerticalLayout list = new VerticalLayout();
        list.setId("claim-attachments");
        list.setPadding(false);
        if (c.attachments().isEmpty()) {
            list.add(new Span("No attachments."));
            return list;
        }
        for (Attachment a : c.attachments()) {
            // only images are shown in the page; anything else (PDF included) is offered as a download
            boolean inline = AttachmentDownload.isInline(a.contentType());
            Anchor open = new Anchor(download(a, inline), inline ? AttachmentType.INLINE : AttachmentType.DOWNLOAD,
                    a.filename());
            open.setTarget(AnchorTarget.BLANK);
            open.setId("claim-attachment-" + a.id());
            Span meta = new Span();
            meta.setText(a.contentType() + ", " + size(a.size()) + (inline ? " — opens in a new tab" : " — download"));
            meta.getStyle().set("color", "var(--lumo-secondary-text-color)");
            HorizontalLayout row = new HorizontalLayout(VaadinIcon.PAPERCLIP.create(), open, meta);
            row.setAlignItems(FlexComponent.Alignment.CENTER);
            list.add(row);
            if (inline) {
                Image preview = new Image(download(a, true), a.filename());
                preview.setId("claim-attachment-preview-" + a.id());
                preview.setMaxWidth("100%");
                preview.setMaxHeight("480px");
                preview.getStyle().set("border", "1px solid var(--lumo-contrast-20pct)");
                list.add(preview);
            }
        }
        return list;
    }

    private static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        if (bytes < 1024 * 1024) {
            return (bytes + 512) / 1024 + " KB";
        }
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    /** Serves an attachment's bytes ({@link AttachmentDownload}), authorised again with this view's caller. */
    private DownloadHandler download(Attachment attachment, boolean inline) {
        return new AttachmentDownload(claims, caller, claimId, attachment.id(), inline);
    }

    private Component findings(Claim c) {
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

    /** Status history from the audit trail, through the claims service (which authorizes the read). */
    private Component history(Claim c) {
        List<ClaimEvent> events;
        try {
            events = claims.history(caller, c.id());
        } catch (RuntimeException e) {
            LOG.warn("Could not read the history of claim {}: {}", c.id(), e.getMessage(), e);
            return null;
        }
        if (events.isEmpty()) {
            return null;
        }
        Grid<ClaimEvent> grid = new Grid<>();
        grid.setId("claim-history");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_NO_BORDER);
        grid.setAllRowsVisible(true);
        grid.addColumn(r -> Ui.dateTime(r.at())).setHeader("When").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(ClaimEvent::actor).setHeader("Who").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(ClaimEvent::action).setHeader("What").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(ClaimEvent::after).setHeader("State after");
        // A proof lets the partner show anyone that this record is in the signed audit trail, without the portal.
        grid.addComponentColumn(r -> proofCell(c.id(), r)).setHeader("Proof").setAutoWidth(true).setFlexGrow(0);
        grid.setItems(events);
        Anchor key = new Anchor(ProofDownload.publicKey(auditPublicKey), AttachmentType.DOWNLOAD,
                "Download the audit public key");
        key.setId("claim-history-public-key");
        Span how = new Span();
        how.setText("Each proof is a JSON file that anyone can check without the portal against this public key, "
                + "e.g. with the portal's verifier (docs/audit-proof/VerifyAuditProof.java, needs Java 17): "
                + "java VerifyAuditProof.java proof.json public-key.pem");
        how.getStyle().set("color", "var(--lumo-secondary-text-color)");
        VerticalLayout content = new VerticalLayout(grid, key, how);
        content.setPadding(false);
        Details details = new Details("History (" + events.size() + ")", content);
        details.setWidthFull();
        return details;
    }

    /** A download of the record's proof, produced (and authorised) when clicked; nothing for an unknown record. */
    Component proofCell(long id, ClaimEvent r) {
        if (r.sequence() <= 0) {
            return new Span();
        }
        Anchor proof = new Anchor(ProofDownload.proof(claims, caller, id, r.sequence()), AttachmentType.DOWNLOAD,
                "Download proof");
        proof.setId("claim-history-proof-" + r.sequence());
        return proof;
    }

    // --- decisions -------------------------------------------------------------------------------------------------

    private Component actions(Claim c) {
        boolean finance = caller.isFinance();
        HorizontalLayout bar = new HorizontalLayout();
        bar.setId("claim-actions");
        if (finance && c.status() == ClaimStatus.SUBMITTED) {
            Button approve = new Button("Approve", VaadinIcon.CHECK.create(), e -> openApprove());
            approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
            approve.setId("claim-approve");
            Button reject = new Button("Reject", VaadinIcon.CLOSE.create(), e -> openReject());
            reject.addThemeVariants(ButtonVariant.LUMO_ERROR);
            reject.setId("claim-reject");
            bar.add(approve, reject);
        }
        if (caller.has(Role.FINANCE_MANAGER) && c.status() == ClaimStatus.APPROVED) {
            Button paid = new Button("Mark paid", VaadinIcon.MONEY.create(), e -> openMarkPaid());
            paid.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            paid.setId("claim-mark-paid");
            bar.add(paid);
        }
        return bar.getComponentCount() == 0 ? null : bar;
    }

    private void openApprove() {
        Claim current = claim;
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Approve " + current.reference());
        Span summary = new Span();
        summary.setText("Approve " + Ui.money(current.eligibleAmount()) + " for " + current.partnerId()
                + nameSuffix(current.partnerId()) + ". The accrual is posted to the ledger.");
        TextArea comment = new TextArea("Comment (optional)");
        comment.setId("approve-comment");
        comment.setMaxLength(MAX_COMMENT);
        comment.setWidthFull();
        Span error = errorText("approve-error");
        dialog.add(new VerticalLayout(summary, comment, error));
        Button confirm = new Button("Approve", e -> decide(dialog, error,
                () -> claims.approve(caller, current.id(), current.version(), blankToNull(comment.getValue())),
                "Claim " + current.reference() + " approved"));
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
        confirm.setId("approve-confirm");
        dialog.getFooter().add(cancel(dialog), confirm);
        dialog.open();
        comment.focus();
    }

    private void openReject() {
        Claim current = claim;
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Reject " + current.reference());
        Select<RejectionReason> reason = new Select<>();
        reason.setLabel("Reason");
        reason.setId("reject-reason");
        reason.setItems(Arrays.asList(RejectionReason.values()));
        reason.setItemLabelGenerator(r -> r.code() + " — " + r.text());
        reason.setRequiredIndicatorVisible(true);
        reason.setWidthFull();
        TextArea comment = new TextArea("Comment for the partner");
        comment.setId("reject-comment");
        comment.setMaxLength(MAX_COMMENT);
        comment.setWidthFull();
        comment.setHelperText("Required for \"Other reason\".");
        reason.addValueChangeListener(e -> {
            reason.setInvalid(false);
            comment.setRequiredIndicatorVisible(e.getValue() == RejectionReason.OTHER);
        });
        comment.addValueChangeListener(e -> comment.setInvalid(false));
        Span error = errorText("reject-error");
        VerticalLayout body = new VerticalLayout(reason, comment, error);
        body.setMinWidth("28em");
        dialog.add(body);
        Button confirm = new Button("Reject", e -> {
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
            if (!ok) {
                return;
            }
            decide(dialog, error, () -> claims.reject(caller, current.id(), current.version(), reason.getValue(),
                    blankToNull(comment.getValue())), "Claim " + current.reference() + " rejected");
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        confirm.setId("reject-confirm");
        dialog.getFooter().add(cancel(dialog), confirm);
        dialog.open();
    }

    private void openMarkPaid() {
        Claim current = claim;
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Mark " + current.reference() + " paid");
        TextField reference = new TextField("Payment reference");
        reference.setId("paid-reference");
        reference.setRequiredIndicatorVisible(true);
        reference.setMaxLength(100);
        reference.setWidthFull();
        Span summary = new Span();
        summary.setText("Records payment of " + Ui.money(current.eligibleAmount())
                + " and posts the settlement to the ledger.");
        Span error = errorText("paid-error");
        dialog.add(new VerticalLayout(summary, reference, error));
        Button confirm = new Button("Mark paid", e -> {
            if (reference.getValue().isBlank()) {
                reference.setErrorMessage("Enter the payment reference, e.g. the bank transfer id.");
                reference.setInvalid(true);
                return;
            }
            decide(dialog, error, () -> claims.markPaid(caller, current.id(), current.version(),
                    reference.getValue().trim()), "Claim " + current.reference() + " marked paid");
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.setId("paid-confirm");
        dialog.getFooter().add(cancel(dialog), confirm);
        dialog.open();
        reference.focus();
    }

    /**
     * Runs a decision. Success closes the dialog and shows the new state; a refused decision keeps the dialog open with
     * the service's message; a concurrent change closes it and shows the state someone else produced.
     */
    private void decide(Dialog dialog, Span error, Supplier<Claim> action, String success) {
        try {
            action.get();
            dialog.close();
            context.notify(success, false);
            refresh();
        } catch (ConcurrentChangeException | IllegalTransitionException e) {
            dialog.close();
            context.notify(Ui.messageOf(e), true);
            refresh();
        } catch (RuntimeException e) {
            error.setText(Ui.messageOf(e));
            error.setVisible(true);
        }
    }

    private static Button cancel(Dialog dialog) {
        Button cancel = new Button("Cancel", e -> dialog.close());
        cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        return cancel;
    }

    private static Span errorText(String id) {
        Span error = new Span();
        error.setId(id);
        error.setVisible(false);
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        return error;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
