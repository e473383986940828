package org.partnerfinance.documents.ui.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;

/**
 * Receives a dispute's supporting file into memory, refusing more than {@link #MAX_BYTES} while reading (a browser's
 * own limit can be bypassed). The type is not trusted from the browser: the disputes service sniffs the content and
 * refuses anything but PDF, PNG and JPEG, naming the field.
 */
final class DisputeUploadHandler implements UploadHandler {

    private static final long serialVersionUID = 1L;

    /** What the disputes service accepts. */
    static final int MAX_BYTES = 5 * 1024 * 1024;
    private static final long MULTIPART_OVERHEAD = 64 * 1024;

    private final transient BiConsumer<String, byte[]> received;
    private final transient Consumer<String> tooLarge;

    /** Both callbacks run in the UI's lock. */
    DisputeUploadHandler(BiConsumer<String, byte[]> received, Consumer<String> tooLarge) {
        this.received = received;
        this.tooLarge = tooLarge;
    }

    @Override
    public void handleUploadRequest(UploadEvent event) throws IOException {
        String name = event.getFileName();
        UI ui = event.getUI();
        if (event.getFileSize() > MAX_BYTES) {
            ui.access(() -> tooLarge.accept(name));
            return;
        }
        byte[] content = read(event.getInputStream());
        if (content == null) {
            ui.access(() -> tooLarge.accept(name));
            return;
        }
        ui.access(() -> received.accept(name, content));
    }

    /** The stream's bytes, or {@code null} when there are more than {@link #MAX_BYTES}. */
    static byte[] read(InputStream stream) throws IOException {
        try (InputStream in = stream) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            byte[] buffer = new byte[16 * 1024];
            int total = 0;
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                total += n;
                if (total > MAX_BYTES) {
                    return null;
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        }
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
