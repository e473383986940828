package org.partnerfinance.documents.ui.internal.common;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Supplier;

import org.partnerfinance.security.api.AccessDeniedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;

/**
 * Serves a file the portal renders (a document's PDF, a statement's CSV or PDF). The file is produced when the
 * browser asks for it, by a supplier that reads the data again through the services with the viewer's caller, so a
 * download is authorised exactly like the page and reflects the data of that moment. Nothing to serve (another
 * partner's item, or one that is gone) is a 404; a download always goes to a file, never into the page.
 */
public final class FileDownload implements DownloadHandler {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(FileDownload.class);

    /** A rendered file. */
    public record File(String name, String contentType, byte[] content) {
    }

    private final transient Supplier<Optional<File>> producer;

    public FileDownload(Supplier<Optional<File>> producer) {
        this.producer = producer;
    }

    @Override
    public void handleDownloadRequest(DownloadEvent event) throws IOException {
        VaadinResponse response = event.getResponse();
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "private, no-store");
        Optional<File> file;
        try {
            file = producer.get();
        } catch (AccessDeniedException e) {
            response.setStatus(403);
            return;
        } catch (IllegalArgumentException e) {
            LOG.info("Download refused: {}", e.getMessage());
            response.setStatus(404);
            return;
        }
        if (file.isEmpty()) {
            response.setStatus(404);
            return;
        }
        File f = file.get();
        response.setContentType(f.contentType());
        response.setHeader("Content-Disposition", contentDisposition(f.name()));
        response.setContentLengthLong(f.content().length);
        try (OutputStream out = event.getOutputStream()) {
            out.write(f.content());
        }
    }

    /** RFC 6266: an ASCII fallback name and the exact name in UTF-8 (RFC 8187). */
    public static String contentDisposition(String filename) {
        String name = filename == null || filename.isBlank() ? "download" : filename;
        StringBuilder ascii = new StringBuilder(name.length());
        name.chars().forEach(c -> ascii.append(c >= 0x20 && c < 0x7F && c != '"' && c != '\\' && c != ';' ? (char) c
                : '_'));
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }

    /** A file name from free text (document numbers, partner ids): letters, digits, dot, dash and underscore. */
    public static String safeName(String text) {
        String cleaned = text == null ? "" : text.strip().replaceAll("[^A-Za-z0-9._-]+", "_");
        return cleaned.chars().anyMatch(Character::isLetterOrDigit) ? cleaned : "download";
    }
}
