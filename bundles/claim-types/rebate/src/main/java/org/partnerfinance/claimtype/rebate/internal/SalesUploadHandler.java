package org.partnerfinance.claimtype.rebate.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;

/**
 * Receives a sales CSV of at most {@link #MAX_BYTES} (the limit applies while the file streams in) and hands it to the
 * view on the upload's own thread, so that the import can report its progress to the UI through push while it runs.
 */
final class SalesUploadHandler implements UploadHandler {

    private static final long serialVersionUID = 1L;

    /** About a million sales lines. */
    static final int MAX_BYTES = 64 * 1024 * 1024;
    private static final long MULTIPART_OVERHEAD = 64 * 1024;

    private final AgreementsView view;

    SalesUploadHandler(AgreementsView view) {
        this.view = view;
    }

    @Override
    public void handleUploadRequest(UploadEvent event) throws IOException {
        String name = event.getFileName();
        UI ui = event.getUI();
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        try (InputStream in = event.getInputStream()) {
            byte[] buffer = new byte[65536];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                content.write(buffer, 0, n);
                if (content.size() > MAX_BYTES) {
                    ui.access(() -> view.tooLarge(name));
                    return;
                }
            }
        }
        view.importFile(ui, name, content.toByteArray());
    }

    @Override
    public long getFileSizeMax() {
        return MAX_BYTES;
    }

    @Override
    public long getRequestSizeMax() {
        return MAX_BYTES + MULTIPART_OVERHEAD;
    }

    @Override
    public long getFileCountMax() {
        return 1;
    }
}
