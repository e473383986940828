package org.partnerfinance.documents.ui.internal.finance;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.partnerfinance.documents.api.DisputeAttachment;
import org.partnerfinance.documents.api.DisputeService;
import org.partnerfinance.security.api.AccessDeniedException;
import org.partnerfinance.security.api.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;

/**
 * Serves the supporting file of a dispute to finance, authorised again by the dispute service with the viewer's caller
 * on every request. The file comes from a partner: it is always a download of {@code application/octet-stream} with
 * {@code nosniff} and a sandboxing Content-Security-Policy, so that opened directly it runs nothing in the portal's
 * origin (a PDF can carry scripts).
 */
final class DisputeAttachmentDownload implements DownloadHandler {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(DisputeAttachmentDownload.class);

    static final String POLICY = "sandbox; default-src 'none'; frame-ancestors 'none'";

    private final transient DisputeService disputes;
    private final Caller caller;
    private final long disputeId;

    DisputeAttachmentDownload(DisputeService disputes, Caller caller, long disputeId) {
        this.disputes = disputes;
        this.caller = caller;
        this.disputeId = disputeId;
    }

    @Override
    public void handleDownloadRequest(DownloadEvent event) throws IOException {
        VaadinResponse response = event.getResponse();
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", POLICY);
        response.setHeader("Cache-Control", "private, no-store");
        Optional<DisputeAttachment> attachment;
        try {
            attachment = disputes.attachment(caller, disputeId);
        } catch (AccessDeniedException e) {
            response.setStatus(403);
            return;
        } catch (RuntimeException e) {
            LOG.warn("Serving the attachment of dispute {} failed", disputeId, e);
            response.setStatus(500);
            return;
        }
        if (attachment.isEmpty()) {
            response.setStatus(404);
            return;
        }
        byte[] content = attachment.get().content();
        response.setContentType("application/octet-stream");
        response.setHeader("Content-Disposition", contentDisposition(attachment.get().fileName()));
        response.setContentLengthLong(content.length);
        try (OutputStream out = event.getOutputStream()) {
            out.write(content);
        }
    }

    /** RFC 6266: an ASCII fallback name and the exact name in UTF-8 (RFC 8187). */
    static String contentDisposition(String fileName) {
        String name = fileName == null || fileName.isBlank() ? "attachment" : fileName;
        StringBuilder ascii = new StringBuilder(name.length());
        name.chars().forEach(c -> ascii.append(c >= 0x20 && c < 0x7F && c != '"' && c != '\\' && c != ';' ? (char) c
                : '_'));
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
