package org.partnerfinance.claims.ui.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Supplier;

import org.partnerfinance.claims.api.ClaimService;
import org.partnerfinance.security.api.AccessDeniedException;
import org.partnerfinance.security.api.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;

/**
 * Downloads for checking a claim's history independently: the proof of one audit record (JSON, produced when asked
 * and authorised again by the claims service with the viewer's caller) and the audit trail's public key (PEM), which
 * is public information. Both are attachments, never rendered by the browser.
 */
final class ProofDownload implements DownloadHandler {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ProofDownload.class);

    private final transient Supplier<Optional<String>> content;
    private final String filename;
    private final String contentType;

    private ProofDownload(Supplier<Optional<String>> content, String filename, String contentType) {
        this.content = content;
        this.filename = filename;
        this.contentType = contentType;
    }

    /** The proof of audit record {@code sequence} of claim {@code claimId}, if {@code caller} may read the claim. */
    static ProofDownload proof(ClaimService claims, Caller caller, long claimId, long sequence) {
        return new ProofDownload(() -> claims.proof(caller, claimId, sequence),
                "audit-proof-claim-" + claimId + "-record-" + sequence + ".json", "application/json");
    }

    /** The public key that signs the audit trail's tree heads; empty while the audit service is away. */
    static ProofDownload publicKey(Supplier<Optional<String>> publicKeyPem) {
        return new ProofDownload(publicKeyPem, "partner-finance-audit-public-key.pem", "application/x-pem-file");
    }

    @Override
    public void handleDownloadRequest(DownloadEvent event) throws IOException {
        VaadinResponse response = event.getResponse();
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "private, no-store");
        Optional<String> text;
        try {
            text = content.get();
        } catch (AccessDeniedException e) {
            response.setStatus(403);
            return;
        } catch (RuntimeException e) {
            // e.g. a trail an administrator must check first: logged for them, the partner gets no broken proof
            LOG.warn("Serving {} failed: {}", filename, e.getMessage(), e);
            response.setStatus(503);
            return;
        }
        if (text.isEmpty()) {
            response.setStatus(404);
            return;
        }
        byte[] bytes = text.get().getBytes(StandardCharsets.UTF_8);
        response.setContentType(contentType);
        response.setHeader("Content-Disposition", AttachmentDownload.contentDisposition(false, filename));
        response.setContentLengthLong(bytes.length);
        try (OutputStream out = event.getOutputStream()) {
            out.write(bytes);
        }
    }
}
