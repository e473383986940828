package org.partnerfinance.connectors.ui.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;

/**
 * Receives the file to import into a temporary file readable by the portal only (never into memory), at most
 * {@link #MAX_BYTES}; the limit applies while the file streams in. The view gets the file in the UI's lock and deletes
 * it once the run has read it.
 */
final class FileUploadHandler implements UploadHandler {

    private static final long serialVersionUID = 1L;

    /** Largest upload through the screen; larger files go through the console or the REST API. */
    static final long MAX_BYTES = 2L * 1024 * 1024 * 1024;
    private static final long MULTIPART_OVERHEAD = 64 * 1024;

    private final ConnectorsView view;

    FileUploadHandler(ConnectorsView view) {
        this.view = view;
    }

    @Override
    public void handleUploadRequest(UploadEvent event) throws IOException {
        String name = event.getFileName();
        UI ui = event.getUI();
        Path file = Files.createTempFile("pf-import-", ".upload");
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the temporary folder's own protection applies
        }
        long total = 0;
        try (InputStream in = event.getInputStream(); OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                total += n;
                if (total > MAX_BYTES) {
                    Files.deleteIfExists(file);
                    ui.access(() -> view.tooLarge(name));
                    return;
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        long size = total;
        ui.access(() -> view.received(name, file, size));
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
