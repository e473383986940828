package org.partnerfinance.claims.ui.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.partnerfinance.claims.api.AttachmentContent;
import org.partnerfinance.claims.api.ClaimService;
import org.partnerfinance.security.api.AccessDeniedException;
import org.partnerfinance.security.api.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;

/**
 * Serves a claim's attachment. Every request is authorised again by the claims service with the viewer's caller.
 *
 * <p>Files come from partners, so the response is built to be harmless whatever they contain: only images the
 * browser renders without running anything (PNG, JPEG) are shown inline; everything else (PDF included, which can
 * carry scripts and forms) is a download of {@code application/octet-stream}. Every response has
 * {@code X-Content-Type-Options: nosniff} and a sandboxing Content-Security-Policy ({@value #POLICY}): opened
 * directly, a file gets an opaque origin, no scripts, plugins or sub-resources, and may not be framed. The portal's
 * own headers (X-Frame-Options, Referrer-Policy) stay as the portal's filter set them.
 */
final class AttachmentDownload implements DownloadHandler {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(AttachmentDownload.class);

    /** Content types shown in the browser (inline); anything else is downloaded. */
    static final Set<String> INLINE_TYPES = Set.of("image/png", "image/jpeg");

    static final String POLICY = "sandbox; default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; "
            + "frame-ancestors 'none'";

    private final transient ClaimService claims;
    private final Caller caller;
    private final long claimId;
    private final long attachmentId;
    private final boolean inline;

    /**
     * @param inline whether to show the file in the browser; only honoured for {@link #INLINE_TYPES}
     */
    AttachmentDownload(ClaimService claims, Caller caller, long claimId, long attachmentId, boolean inline) {
        this.claims = claims;
        this.caller = caller;
        this.claimId = claimId;
        this.attachmentId = attachmentId;
        this.inline = inline;
    }

    static boolean isInline(String contentType) {
        return contentType != null && INLINE_TYPES.contains(contentType);
    }

    @Override
    public void handleDownloadRequest(DownloadEvent event) throws IOException {
        VaadinResponse response = event.getResponse();
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", POLICY);
        response.setHeader("Cache-Control", "private, no-store");
        AttachmentContent content;
        try {
            content = claims.attachment(caller, claimId, attachmentId);
        } catch (AccessDeniedException e) {
            response.setStatus(403);
            return;
        } catch (RuntimeException e) {
            // a missing claim or attachment, or one the caller may not read: the same answer
            LOG.warn("Serving attachment {} of claim {} failed", attachmentId, claimId, e);
            response.setStatus(404);
            return;
        }
        String type = content.attachment().contentType();
        boolean showInline = inline && isInline(type);
        response.setContentType(showInline ? type : "application/octet-stream");
        response.setHeader("Content-Disposition", contentDisposition(showInline, content.attachment().filename()));
        response.setContentLengthLong(content.content().length);
        try (OutputStream out = event.getOutputStream()) {
            out.write(content.content());
        }
    }

    /** RFC 6266: an ASCII fallback name and the exact name in UTF-8 (RFC 8187). */
    static String contentDisposition(boolean inline, String filename) {
        String name = filename == null || filename.isBlank() ? "attachment" : filename;
        StringBuilder ascii = new StringBuilder(name.length());
        name.chars().forEach(c -> ascii.append(c >= 0x20 && c < 0x7F && c != '"' && c != '\\' && c != ';' ? (char) c
                : '_'));
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        return (inline ? "inline" : "attachment") + "; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
