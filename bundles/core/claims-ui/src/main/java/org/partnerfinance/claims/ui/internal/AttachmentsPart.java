package org.partnerfinance.claims.ui.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.partnerfinance.claims.api.AttachmentPolicy;
import org.partnerfinance.claims.api.AttachmentUpload;
import org.partnerfinance.claims.api.FieldDef;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.NativeLabel;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;

/**
 * The files of an {@code ATTACHMENTS} field: an upload that takes one file at a time (each read under the policy's
 * size limit as it streams in, {@link AttachmentUploadHandler}) and the list of files received, each removable. The
 * kinds of file and how many are the core's to judge; the browser's file chooser is only pointed at the accepted
 * kinds.
 */
final class AttachmentsPart extends VerticalLayout {

    /** File name endings the browser's chooser offers per content type. */
    private static final Map<String, List<String>> ENDINGS = Map.of(
            "application/pdf", List.of(".pdf"),
            "image/png", List.of(".png"),
            "image/jpeg", List.of(".jpg", ".jpeg"));

    private final String id;
    private final AttachmentPolicy policy;
    private final Upload upload = new Upload();
    private final Div files = new Div();
    private final Span error = ClaimForm.errorSpan(null);
    private final List<AttachmentUpload> received = new ArrayList<>();
    private final List<Runnable> listeners = new ArrayList<>();

    AttachmentsPart(FieldDef def, String id) {
        this.id = id;
        this.policy = def.attachmentPolicy();
        setPadding(false);
        setSpacing(false);
        NativeLabel label = new NativeLabel(def.label() + " (" + kinds(policy) + ", up to " + megabytes(policy.maxBytes())
                + " each" + (policy.maxFiles() > 1 ? ", at most " + policy.maxFiles() + " files" : "") + ")"
                + (def.required() ? " *" : ""));
        upload.setId(id);
        upload.setMaxFiles(1);
        upload.setAcceptedFileTypes(accepted(policy));
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, policy.maxBytes()));
        upload.setUploadHandler(new AttachmentUploadHandler(policy, this));
        upload.addFileRejectedListener(e -> showProblem("\"" + e.getFileName() + "\" was not accepted: use "
                + kinds(policy) + " files of at most " + megabytes(policy.maxBytes()) + "."));
        upload.addFailedListener(e -> showProblem("The upload of \"" + e.getFileName() + "\" failed. Please try again."));
        files.setId(id + "-files");
        error.setId(id + "-error");
        add(label);
        if (def.help() != null) {
            add(new Span(def.help()));
        }
        add(upload, files, error);
        refresh();
    }

    /** Keeps a completely received file (called in the UI's lock). */
    void received(String fileName, byte[] bytes) {
        String name = fileName == null || fileName.isBlank() ? "file" : fileName;
        upload.clearFileList();
        if (received.size() >= policy.maxFiles()) {
            showProblem("At most " + policy.maxFiles() + (policy.maxFiles() == 1 ? " file" : " files")
                    + " can be attached; remove one first.");
            return;
        }
        received.add(new AttachmentUpload(name, bytes));
        showProblem(null);
        refresh();
        listeners.forEach(Runnable::run);
    }

    /** Reports a file that went over the size limit while it was uploaded (called in the UI's lock). */
    void tooLarge(String fileName) {
        upload.clearFileList();
        showProblem("\"" + (fileName == null ? "The file" : fileName) + "\" is larger than "
                + megabytes(policy.maxBytes()) + " and was not accepted.");
    }

    List<AttachmentUpload> files() {
        return List.copyOf(received);
    }

    void showProblem(String message) {
        error.setText(message == null ? "" : message);
        error.setVisible(message != null);
    }

    /** Adds a problem to those already shown (the core reports each file on its own). */
    void addProblem(String message) {
        showProblem(error.isVisible() && !error.getText().isBlank() ? error.getText() + " " + message : message);
    }

    void onChange(Runnable listener) {
        listeners.add(listener);
    }

    private void refresh() {
        files.removeAll();
        if (received.isEmpty()) {
            Span none = new Span("No file attached yet.");
            files.add(none);
            return;
        }
        int index = 0;
        for (AttachmentUpload file : received) {
            index++;
            Span name = new Span(file.filename() + " (" + kilobytes(file.content().length) + ")");
            name.setId(id + "-file-" + index);
            Button remove = new Button(VaadinIcon.TRASH.create(), e -> {
                received.remove(file);
                refresh();
                listeners.forEach(Runnable::run);
            });
            remove.setId(id + "-remove-" + index);
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            remove.setAriaLabel("Remove " + file.filename());
            HorizontalLayout row = new HorizontalLayout(name, remove);
            row.setAlignItems(Alignment.CENTER);
            files.add(row);
        }
    }

    private static String[] accepted(AttachmentPolicy policy) {
        List<String> accepted = new ArrayList<>();
        for (String type : policy.contentTypes()) {
            accepted.add(type);
            accepted.addAll(ENDINGS.getOrDefault(type, List.of()));
        }
        return accepted.toArray(String[]::new);
    }

    static String kinds(AttachmentPolicy policy) {
        return policy.contentTypes().stream()
                .map(t -> switch (t) {
                    case "application/pdf" -> "PDF";
                    case "image/png" -> "PNG";
                    case "image/jpeg" -> "JPEG";
                    default -> t;
                })
                .sorted()
                .reduce((a, b) -> a + ", " + b).orElse("no files");
    }

    static String megabytes(long bytes) {
        if (bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MB";
        }
        if (bytes >= 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
        }
        return Math.max(1, bytes / 1024) + " KB";
    }

    private static String kilobytes(long bytes) {
        return bytes < 1024 ? bytes + " bytes" : (bytes + 512) / 1024 + " KB";
    }
}
