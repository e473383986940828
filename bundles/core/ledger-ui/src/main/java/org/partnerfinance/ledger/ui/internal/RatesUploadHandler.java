package org.partnerfinance.ledger.ui.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;

/**
 * Receives a CSV file of exchange rates, at most {@link #MAX_BYTES}; the limit applies while the file streams in, so a
 * larger file is dropped as soon as it passes it. The text is handed to the view in the UI's lock.
 */
final class RatesUploadHandler implements UploadHandler {

    private static final long serialVersionUID = 1L;

    /** A rates file is small: a year of daily rates of a dozen currencies is about 100 KB. */
    static final int MAX_BYTES = 2 * 1024 * 1024;
    private static final long MULTIPART_OVERHEAD = 64 * 1024;

    private final RatesView view;

    RatesUploadHandler(RatesView view) {
        this.view = view;
    }

    @Override
    public void handleUploadRequest(UploadEvent event) throws IOException {
        String name = event.getFileName();
        UI ui = event.getUI();
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        try (InputStream in = event.getInputStream()) {
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                content.write(buffer, 0, n);
                if (content.size() > MAX_BYTES) {
                    ui.access(() -> view.tooLarge(name));
                    return;
                }
            }
        }
        String text = content.toString(StandardCharsets.UTF_8);
        ui.access(() -> view.received(name, text));
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
