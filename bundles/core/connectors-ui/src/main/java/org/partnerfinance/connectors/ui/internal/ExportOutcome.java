package org.partnerfinance.connectors.ui.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.partnerfinance.connectors.api.ExportRefusedException;
import org.partnerfinance.connectors.api.ExportRun;
import org.partnerfinance.connectors.api.ExportService;
import org.partnerfinance.connectors.api.UnknownConnectorException;
import org.partnerfinance.ledger.api.Money;
import org.partnerfinance.security.api.AccessDeniedException;
import org.partnerfinance.security.api.Caller;

import com.vaadin.flow.component.HasComponents;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;

/**
 * What the export screens (payment orders, e-invoices) show of an export: its file as a download, its totals, and —
 * when nothing was written — why, in the same words on every screen: each reason of a refusal on a line of its own,
 * an unknown connector or a denied caller by its message, anything else as "see the log" (the details go to the
 * portal's log, never to the screen).
 */
final class ExportOutcome {

    private ExportOutcome() {
    }

    /**
     * Runs an export and returns its run; when it is refused or fails, shows why in {@code result} (the first line with
     * the id {@code refusedId}) and returns empty.
     *
     * @param nothingDone the heading over a refusal's reasons, e.g. "Nothing was sent. Fix these and try again:"
     * @param failed what a person reads when the export failed for a reason they cannot fix
     * @param logFailure logs such a failure with what was being exported
     */
    static Optional<ExportRun> attempt(HasComponents result, String refusedId, String nothingDone, String failed,
            Supplier<ExportRun> export, Consumer<RuntimeException> logFailure) {
        try {
            return Optional.of(export.get());
        } catch (ExportRefusedException e) {
            Span refused = new Span(nothingDone);
            refused.setId(refusedId);
            refused.getStyle().set("color", "var(--lumo-error-text-color)");
            result.add(refused);
            for (String reason : e.reasons()) {
                result.add(new Span(reason));
            }
        } catch (UnknownConnectorException | AccessDeniedException e) {
            Span refused = new Span(e.getMessage());
            refused.setId(refusedId);
            result.add(refused);
        } catch (RuntimeException e) {
            logFailure.accept(e);
            Span refused = new Span(failed);
            refused.setId(refusedId);
            result.add(refused);
        }
        return Optional.empty();
    }

    /** A link to a run's file, read again with the caller when it is clicked. */
    static Anchor download(ExportService exports, Caller caller, ExportRun run, String text) {
        Anchor anchor = new Anchor(new FileDownload(() -> exports.file(caller, run.id())), text);
        anchor.setTarget("_blank");
        return anchor;
    }

    /** Totals per currency, e.g. "EUR 1,200.00 + USD 30.00". */
    static String totals(List<Money> totals) {
        return totals.stream().map(Money::format).collect(Collectors.joining(" + "));
    }

    /** Serves an export's file as it was handed out; a run that is gone (or not readable) is a 404. */
    static final class FileDownload implements DownloadHandler {

        private static final long serialVersionUID = 1L;
        private final transient Supplier<Optional<ExportRun.ExportFile>> file;

        FileDownload(Supplier<Optional<ExportRun.ExportFile>> file) {
            this.file = file;
        }

        @Override
        public void handleDownloadRequest(DownloadEvent event) throws IOException {
            event.getResponse().setHeader("X-Content-Type-Options", "nosniff");
            event.getResponse().setHeader("Cache-Control", "private, no-store");
            Optional<ExportRun.ExportFile> found;
            try {
                found = file.get();
            } catch (AccessDeniedException e) {
                event.getResponse().setStatus(403);
                return;
            }
            if (found.isEmpty()) {
                event.getResponse().setStatus(404);
                return;
            }
            ExportRun.ExportFile f = found.get();
            String ascii = f.fileName().replaceAll("[^A-Za-z0-9._-]", "_");
            event.getResponse().setContentType(f.contentType());
            event.getResponse().setHeader("Content-Disposition", "attachment; filename=\"" + ascii
                    + "\"; filename*=UTF-8''" + URLEncoder.encode(f.fileName(), StandardCharsets.UTF_8));
            event.getResponse().setContentLengthLong(f.content().length);
            try (OutputStream out = event.getOutputStream()) {
                out.write(f.content());
            }
        }
    }
}
