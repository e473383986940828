package org.partnerfinance.documents.ui.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.partnerfinance.documents.api.DisputeAttachment;
import org.partnerfinance.documents.api.DisputeDraft;
import org.partnerfinance.documents.api.DisputeSubject;
import org.partnerfinance.documents.api.Document;
import org.partnerfinance.documents.api.DocumentLine;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.upload.Upload;

/**
 * The partner's dispute of an invoice: the whole invoice, one line or a deduction, the amount, the reason and
 * optionally a supporting file. Validation is the disputes service's; its answer is shown at the field it names.
 */
final class DisputeForm extends VerticalLayout {

    static final String ACCEPTED = "application/pdf,.pdf,image/png,.png,image/jpeg,.jpg,.jpeg";

    private final Select<DisputeSubject> subject = new Select<>();
    private final Select<Integer> line = new Select<>();
    private final BigDecimalField amount = new BigDecimalField("Disputed amount");
    private final TextArea reason = new TextArea("Reason");
    private final Upload upload;
    private final Span fileName = new Span("No file attached (optional: PDF, PNG or JPEG, at most 5 MB).");
    private final Span fileError = new Span();
    private final Span formError = new Span();
    private DisputeAttachment attachment;

    /**
     * @param submit called with the draft; answers nothing when it was accepted, or throws the service's exception
     */
    DisputeForm(Document invoice, Consumer<DisputeDraft> submit, Runnable cancel) {
        setId("dispute-form");
        setPadding(true);
        getStyle().set("border", "1px solid var(--lumo-contrast-20pct)").set("border-radius", "var(--lumo-border-radius-m)");
        H3 title = new H3();
        title.setText("Dispute invoice " + invoice.number());

        subject.setId("dispute-subject");
        subject.setLabel("What is wrong");
        subject.setItems(DisputeSubject.values());
        subject.setItemLabelGenerator(s -> switch (s) {
            case INVOICE -> "The invoice";
            case LINE -> "One line";
            case DEDUCTION -> "A deduction";
        });
        subject.setValue(DisputeSubject.INVOICE);

        line.setId("dispute-line");
        line.setLabel("Line");
        List<Integer> numbers = new ArrayList<>();
        for (DocumentLine l : invoice.lines()) {
            numbers.add(l.lineNo());
        }
        line.setItems(numbers);
        line.setItemLabelGenerator(n -> invoice.lines().stream().filter(l -> l.lineNo() == n).findFirst()
                .map(l -> n + ": " + l.description()).orElse(String.valueOf(n)));
        line.setVisible(false);
        subject.addValueChangeListener(e -> {
            line.setVisible(e.getValue() == DisputeSubject.LINE);
            subject.setInvalid(false);
        });

        amount.setId("dispute-amount");
        amount.setValue(invoice.open().amount());
        amount.setSuffixComponent(new Span(invoice.open().currency().getCurrencyCode()));
        amount.addValueChangeListener(e -> amount.setInvalid(false));

        reason.setId("dispute-reason");
        reason.setWidthFull();
        reason.setMaxLength(2000);
        reason.addValueChangeListener(e -> reason.setInvalid(false));

        upload = new Upload(new DisputeUploadHandler(this::received, this::tooLarge));
        upload.setId("dispute-file");
        upload.setMaxFiles(1);
        upload.setAcceptedFileTypes(ACCEPTED.split(","));
        upload.setMaxFileSize(DisputeUploadHandler.MAX_BYTES);
        upload.addFileRejectedListener(e -> fileProblem("\"" + e.getFileName()
                + "\" was not accepted: use a PDF, PNG or JPEG file of at most 5 MB."));
        upload.addFailedListener(e -> fileProblem("The upload of \"" + e.getFileName() + "\" failed. Please try again."));
        fileName.setId("dispute-file-name");
        fileError.setId("dispute-file-error");
        fileError.getStyle().set("color", "var(--lumo-error-text-color)");
        formError.setId("dispute-error");
        formError.getStyle().set("color", "var(--lumo-error-text-color)");

        Button send = new Button("Send dispute", e -> send(invoice, submit));
        send.setId("dispute-send");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button close = new Button("Cancel", e -> cancel.run());
        close.setId("dispute-cancel");

        add(title, new HorizontalLayout(subject, line, amount), reason, upload, fileName, fileError, formError,
                new HorizontalLayout(send, close));
    }

    private void received(String name, byte[] content) {
        attachment = new DisputeAttachment(name, null, content);
        fileError.setText("");
        fileName.setText("Attached: " + name + " (" + Math.max(1, (content.length + 512) / 1024) + " KB)");
    }

    private void tooLarge(String name) {
        attachment = null;
        fileProblem("\"" + (name == null ? "The file" : name) + "\" is larger than 5 MB and was not accepted.");
    }

    private void fileProblem(String text) {
        fileError.setText(text);
    }

    private void send(Document invoice, Consumer<DisputeDraft> submit) {
        formError.setText("");
        DisputeSubject s = subject.getValue();
        Integer lineNo = s == DisputeSubject.LINE ? line.getValue() : null;
        BigDecimal value = amount.getValue();
        DisputeDraft draft = new DisputeDraft(invoice.id(), s, lineNo, value, reason.getValue(), attachment);
        try {
            submit.accept(draft);
        } catch (org.partnerfinance.documents.api.DocumentValidationException e) {
            showAtField(e.field(), e.getMessage());
        }
    }

    /** Shows a refusal at the field it names; anything else above the buttons. */
    void showAtField(String field, String text) {
        switch (field == null ? "" : field) {
            case "subject" -> {
                subject.setErrorMessage(text);
                subject.setInvalid(true);
            }
            case "lineNo", "line" -> {
                line.setErrorMessage(text);
                line.setInvalid(true);
            }
            case "amount" -> {
                amount.setErrorMessage(text);
                amount.setInvalid(true);
            }
            case "reason" -> {
                reason.setErrorMessage(text);
                reason.setInvalid(true);
            }
            case "attachment" -> fileError.setText(text);
            default -> formError.setText(text);
        }
    }
}
