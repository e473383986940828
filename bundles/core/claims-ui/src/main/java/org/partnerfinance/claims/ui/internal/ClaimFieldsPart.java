package org.partnerfinance.claims.ui.internal;

import java.util.Locale;
import java.util.function.Function;

import org.partnerfinance.claims.api.Attachment;
import org.partnerfinance.claims.api.Claim;
import org.partnerfinance.claims.api.ClaimField;
import org.partnerfinance.claims.api.ClaimService;
import org.partnerfinance.claims.api.ClaimStatus;
import org.partnerfinance.security.api.Caller;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasComponents;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.server.streams.DownloadHandler;

/**
 * What is stored about the claim: the facts every claim has, the fields its type declared and its attachments
 * (images previewed in the page, everything openable in a new tab). Stored data is shown even when the type is gone.
 */
final class ClaimFieldsPart implements ClaimDetailPart {

    private final ClaimService claims;
    private final Caller caller;
    private final Function<String, String> partnerLabel;

    /** @param partnerLabel a partner id as shown to people (id and name) */
    ClaimFieldsPart(ClaimService claims, Caller caller, Function<String, String> partnerLabel) {
        this.claims = claims;
        this.caller = caller;
        this.partnerLabel = partnerLabel;
    }

    @Override
    public void addTo(HasComponents page, Claim c) {
        page.add(facts(c));
        if (!c.fields().isEmpty()) {
            page.add(ClaimDetailPart.section("Details of the " + c.typeName().toLowerCase(Locale.ROOT), typeFields(c)));
        }
        page.add(ClaimDetailPart.section("Attachments", attachments(c)));
    }

    private Component facts(Claim c) {
        FormLayout form = form("claim-facts");
        addFact(form, "Partner", partnerLabel.apply(c.partnerId()));
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
            // a rejection's comment is already shown with its reason at the top
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

    private static Component typeFields(Claim c) {
        FormLayout form = form("claim-fields");
        for (ClaimField field : c.fields()) {
            String label = field.label() == null || field.label().isBlank() ? field.name() : field.label();
            addFact(form, label, field.value(), "claim-field-" + field.name());
        }
        return form;
    }

    private static FormLayout form(String id) {
        FormLayout form = new FormLayout();
        form.setId(id);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1),
                new FormLayout.ResponsiveStep("40em", 2));
        return form;
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
            Anchor open = new Anchor(download(c, a, inline), inline ? AttachmentType.INLINE : AttachmentType.DOWNLOAD,
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
                Image preview = new Image(download(c, a, true), a.filename());
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
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    /** Serves an attachment's bytes ({@link AttachmentDownload}), authorised again with this page's caller. */
    private DownloadHandler download(Claim c, Attachment attachment, boolean inline) {
        return new AttachmentDownload(claims, caller, c.id(), attachment.id(), inline);
    }
}
