package org.partnerfinance.claims.ui.internal;

import java.io.IOException;
import java.io.InputStream;

import org.partnerfinance.claims.api.AttachmentPolicy;
import org.partnerfinance.claims.api.AttachmentTooLargeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;

/**
 * Receives one file of an attachments field. The size limit applies while the file streams in: a file announced as
 * larger is refused before any byte is read, and one that turns out larger is dropped as soon as it passes the limit
 * ({@link AttachmentPolicy#read}); either way the form says so. Vaadin's multipart limits stop it early as well, and
 * the browser's Upload refuses larger files before sending them ({@code maxFileSize}).
 */
final class AttachmentUploadHandler implements UploadHandler {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(AttachmentUploadHandler.class);

    /** Room for the multipart boundaries and part headers around the one file. */
    private static final long MULTIPART_OVERHEAD = 64 * 1024;

    private final AttachmentPolicy policy;
    private final AttachmentsPart part;

    AttachmentUploadHandler(AttachmentPolicy policy, AttachmentsPart part) {
        this.policy = policy;
        this.part = part;
    }

    @Override
    public void handleUploadRequest(UploadEvent event) throws IOException {
        String name = event.getFileName();
        UI ui = event.getUI();
        byte[] content;
        try {
            if (event.getFileSize() > policy.maxBytes()) {
                throw new AttachmentTooLargeException(policy.maxBytes());
            }
            try (InputStream in = event.getInputStream()) {
                content = policy.read(in);
            }
        } catch (AttachmentTooLargeException e) {
            LOG.info("File '{}' refused: larger than {} bytes", name, policy.maxBytes());
            ui.access(() -> part.tooLarge(name));
            throw e;
        }
        ui.access(() -> part.received(name, content));
    }

    @Override
    public long getFileSizeMax() {
        return policy.maxBytes();
    }

    @Override
    public long getRequestSizeMax() {
        return policy.maxBytes() + MULTIPART_OVERHEAD;
    }

    @Override
    public long getFileCountMax() {
        return 1;
    }
}
