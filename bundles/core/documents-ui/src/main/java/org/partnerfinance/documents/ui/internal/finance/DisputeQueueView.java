package org.partnerfinance.documents.ui.internal.finance;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.partnerfinance.documents.api.Dispute;
import org.partnerfinance.documents.api.DisputeService;
import org.partnerfinance.documents.api.DisputeStatus;
import org.partnerfinance.documents.api.DisputeSubject;
import org.partnerfinance.documents.ui.internal.common.Formats;
import org.partnerfinance.documents.ui.internal.common.Messages;
import org.partnerfinance.documents.ui.internal.common.PagedDataProvider;
import org.partnerfinance.partner.api.Partner;
import org.partnerfinance.persistence.api.ConcurrentChangeException;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.ui.api.LiveUpdates;
import org.partnerfinance.ui.api.ScreenContext;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;

/**
 * Open disputes of every partner, newest first, read page by page; the selected one's facts and, for finance managers,
 * the decision: accept (a credit note of the accepted amount, at most the disputed one) with a comment, or reject with
 * a reason the partner reads. The list follows changes live: a dispute opened by a partner appears, one decided by a
 * colleague leaves.
 */
final class DisputeQueueView extends HorizontalLayout {

    private final ScreenContext context;
    private final DisputeService disputes;
    private final Caller caller;
    private final Map<String, String> partnerNames;
    private final Grid<Dispute> grid = new Grid<>();
    private final Span summary = Views.text("disputes-summary", "");
    private final VerticalLayout detail = new VerticalLayout();
    private final H3 title = new H3();
    private final Span facts = Views.text("dispute-facts", "");
    private final Span reason = Views.text("dispute-reason", "");
    private final HorizontalLayout attachment = new HorizontalLayout();
    private final BigDecimalField acceptedAmount = new BigDecimalField("Accepted amount");
    private final TextArea comment = new TextArea("Comment");
    private final TextArea rejection = new TextArea("Reason for rejection");
    private final Span error = Views.text("dispute-error", "");
    private final PagedDataProvider<Dispute> provider;
    private Dispute selected;

    DisputeQueueView(ScreenContext context, DisputeService disputes, List<Partner> partners, LiveUpdates live) {
        this.context = context;
        this.disputes = disputes;
        this.caller = context.caller();
        this.partnerNames = partners.stream().collect(Collectors.toMap(Partner::id, Partner::name, (a, b) -> a));
        setSizeFull();
        setPadding(false);

        grid.setId("disputes-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(Dispute::documentNumber).setHeader("Invoice").setKey("invoice").setAutoWidth(true);
        grid.addColumn(d -> partner(d.partnerId())).setHeader("Partner").setKey("partner").setAutoWidth(true);
        grid.addColumn(DisputeQueueView::subject).setHeader("Subject").setKey("subject").setAutoWidth(true)
                .setFlexGrow(0);
        Views.amountColumn(grid, d -> Formats.money(d.amount()), "Amount", "amount");
        grid.addColumn(Dispute::reason).setHeader("Reason").setKey("reason").setFlexGrow(1);
        grid.addComponentColumn(this::attachmentLink).setHeader("Attachment").setKey("attachment")
                .setAutoWidth(true);
        grid.addColumn(d -> Formats.dateTime(d.openedAt())).setHeader("Opened").setKey("opened").setAutoWidth(true)
                .setFlexGrow(0);
        grid.setEmptyStateText("No open disputes.");
        grid.asSingleSelect().addValueChangeListener(e -> select(e.getValue()));
        provider = new PagedDataProvider<>(Views.guarded((offset, limit, sort) -> {
            var page = disputes.list(caller, null, DisputeStatus.OPEN, offset, limit);
            summary.setText(page.total() == 1 ? "1 open dispute" : page.total() + " open disputes");
            return page;
        }, summary));
        grid.setItems(provider);

        VerticalLayout left = new VerticalLayout(summary, grid);
        left.setPadding(false);
        left.setSizeFull();
        left.setFlexGrow(1, grid);
        buildDetail();
        add(left, detail);
        setFlexGrow(1, left);
        live.subscribe(this, LiveUpdates.DOCUMENTS, p -> true, this::refresh);
    }

    private void buildDetail() {
        detail.setId("dispute-detail");
        detail.setPadding(false);
        detail.setWidth("400px");
        detail.getStyle().set("flex-shrink", "0");
        title.setId("dispute-title");
        reason.getStyle().set("white-space", "pre-wrap");
        Button openInvoice = new Button("Open invoice", e -> {
            if (selected != null) {
                context.navigate(Finance.DOCUMENT_DETAIL + selected.documentId());
            }
        });
        openInvoice.setId("dispute-open-invoice");
        openInvoice.addThemeVariants(ButtonVariant.LUMO_TERTIARY);

        acceptedAmount.setId("dispute-accepted-amount");
        acceptedAmount.setManualValidation(true);
        acceptedAmount.setWidthFull();
        comment.setId("dispute-comment");
        comment.setMaxLength(2000);
        comment.setWidthFull();
        comment.setManualValidation(true);
        Button accept = new Button("Accept", e -> accept());
        accept.setId("dispute-accept");
        accept.addThemeVariants(ButtonVariant.LUMO_SUCCESS, ButtonVariant.LUMO_PRIMARY);
        rejection.setId("dispute-rejection");
        rejection.setMaxLength(2000);
        rejection.setWidthFull();
        rejection.setManualValidation(true);
        Button reject = new Button("Reject", e -> reject());
        reject.setId("dispute-reject");
        reject.addThemeVariants(ButtonVariant.LUMO_ERROR);
        error.getStyle().set("color", "var(--lumo-error-text-color)");

        VerticalLayout decision = new VerticalLayout(new H4("Accept"), acceptedAmount, comment, accept,
                new H4("Reject"), rejection, reject, error);
        decision.setPadding(false);
        decision.setVisible(Finance.decidesDisputes(caller));
        Span readOnly = Views.text("dispute-read-only", "Finance managers decide disputes.");
        readOnly.setVisible(!Finance.decidesDisputes(caller));
        detail.add(title, facts, reason, attachment, openInvoice, decision, readOnly);
        detail.setVisible(false);
    }

    private void select(Dispute dispute) {
        selected = dispute;
        clearErrors();
        if (dispute == null) {
            detail.setVisible(false);
            return;
        }
        title.setText("Dispute about " + dispute.documentNumber());
        facts.setText(partner(dispute.partnerId()) + " · " + subject(dispute) + " · " + Formats.money(dispute.amount())
                + " · opened " + Formats.dateTime(dispute.openedAt()) + " by " + dispute.openedBy());
        reason.setText(dispute.reason());
        attachment.removeAll();
        attachment.add(attachmentLink(dispute));
        acceptedAmount.setValue(dispute.amount().amount());
        acceptedAmount.setHelperText("At most " + Formats.money(dispute.amount()) + "; a credit note is issued.");
        comment.clear();
        rejection.clear();
        detail.setVisible(true);
    }

    private void accept() {
        if (selected == null) {
            return;
        }
        clearErrors();
        Dispute dispute = selected;
        try {
            BigDecimal amount = DisputeDecision.acceptedAmount(dispute, acceptedAmount.getValue());
            disputes.accept(caller, dispute.id(), dispute.version(), amount, comment.getValue());
        } catch (RuntimeException e) {
            fail(e);
            return;
        }
        context.notify("Dispute about " + dispute.documentNumber() + " accepted; a credit note was issued.", false);
        decided();
    }

    private void reject() {
        if (selected == null) {
            return;
        }
        clearErrors();
        Dispute dispute = selected;
        try {
            String text = DisputeDecision.rejectionReason(rejection.getValue());
            disputes.reject(caller, dispute.id(), dispute.version(), text);
        } catch (RuntimeException e) {
            fail(e);
            return;
        }
        context.notify("Dispute about " + dispute.documentNumber() + " rejected.", false);
        decided();
    }

    private void decided() {
        grid.asSingleSelect().clear();
        refresh();
    }

    /** Shows a refused decision at its field; after a concurrent change, the dispute as it is now. */
    private void fail(RuntimeException e) {
        if (e instanceof ConcurrentChangeException) {
            error.setText(Messages.CONCURRENT_CHANGE);
            reloadSelected();
            return;
        }
        String field = Messages.fieldOf(e);
        String message = Messages.of(e);
        if (DisputeDecision.ACCEPTED_AMOUNT.equals(field) || "amount".equals(field)) {
            acceptedAmount.setErrorMessage(message);
            acceptedAmount.setInvalid(true);
        } else if (DisputeDecision.REASON.equals(field)) {
            rejection.setErrorMessage(message);
            rejection.setInvalid(true);
        } else if (DisputeDecision.COMMENT.equals(field)) {
            comment.setErrorMessage(message);
            comment.setInvalid(true);
        } else {
            error.setText(message);
        }
    }

    private void clearErrors() {
        error.setText("");
        acceptedAmount.setInvalid(false);
        comment.setInvalid(false);
        rejection.setInvalid(false);
    }

    /**
     * Re-reads the list. The selected dispute stays shown, with what the manager has typed, while nobody changed it;
     * decided by someone else, the detail closes and says how it ended.
     */
    void refresh() {
        provider.refreshAll();
        if (selected != null) {
            reloadSelected();
        }
    }

    private void reloadSelected() {
        Optional<Dispute> now;
        try {
            now = disputes.find(caller, selected.id());
        } catch (RuntimeException e) {
            error.setText(Messages.of(e));
            return;
        }
        if (now.isEmpty()) {
            grid.asSingleSelect().clear();
            select(null);
        } else if (now.get().status() != DisputeStatus.OPEN) {
            Dispute d = now.get();
            grid.asSingleSelect().clear();
            select(null);
            context.notify("The dispute about " + d.documentNumber() + " was " + Formats.words(d.status())
                    .toLowerCase(java.util.Locale.ROOT) + " by " + d.resolvedBy() + " meanwhile.", false);
        } else if (now.get().version() != selected.version()) {
            String keepError = error.getText();
            select(now.get());
            error.setText(keepError);
        }
    }

    private Component attachmentLink(Dispute d) {
        if (d.attachmentName() == null || d.attachmentName().isBlank()) {
            return new Span();
        }
        Anchor link = new Anchor(new DisputeAttachmentDownload(disputes, caller, d.id()), AttachmentType.DOWNLOAD,
                d.attachmentName());
        link.setTarget(AnchorTarget.BLANK);
        link.setId("dispute-attachment-" + d.id());
        return link;
    }

    private String partner(String partnerId) {
        String name = partnerNames.get(partnerId);
        return name == null ? partnerId : partnerId + " " + name;
    }

    static String subject(Dispute d) {
        if (d.subject() == DisputeSubject.LINE && d.lineNo() != null) {
            return "Line " + d.lineNo();
        }
        return Formats.words(d.subject());
    }
}
