package org.partnerfinance.connectors.ui.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.partnerfinance.connectors.api.ImportService;
import org.partnerfinance.security.api.AccessDeniedException;
import org.partnerfinance.security.api.Caller;

import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;

/**
 * Streams the kept file of an import run (which may be hundreds of megabytes) to the browser as a download, asking
 * the import service again with the viewer's caller on every request. Files come from outside (an ERP, a bank), so
 * the response is a download of {@code application/octet-stream} the browser neither sniffs nor renders.
 */
final class RunFileDownload implements DownloadHandler {

    private static final long serialVersionUID = 1L;

    private final transient ImportService imports;
    private final Caller caller;
    private final long runId;
    private final String fileName;

    RunFileDownload(ImportService imports, Caller caller, long runId, String fileName) {
        this.imports = imports;
        this.caller = caller;
        this.runId = runId;
        this.fileName = fileName;
    }

    @Override
    public void handleDownloadRequest(DownloadEvent event) throws IOException {
        VaadinResponse response = event.getResponse();
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", "sandbox; default-src 'none'");
        response.setHeader("Cache-Control", "private, no-store");
        Optional<InputStream> file;
        try {
            file = imports.runFile(caller, runId);
        } catch (AccessDeniedException e) {
            response.setStatus(403);
            return;
        }
        if (file.isEmpty()) {
            response.setStatus(404);
            return;
        }
        response.setContentType("application/octet-stream");
        response.setHeader("Content-Disposition", contentDisposition(fileName));
        try (InputStream in = file.get(); OutputStream out = event.getOutputStream()) {
            in.transferTo(out);
        }
    }

    /** RFC 6266: an ASCII fallback name and the exact name in UTF-8 (RFC 8187). */
    static String contentDisposition(String filename) {
        String name = filename == null || filename.isBlank() ? "import" : filename;
        StringBuilder ascii = new StringBuilder(name.length());
        name.chars().forEach(c -> ascii.append(c >= 0x20 && c < 0x7F && c != '"' && c != '\\' && c != ';' ? (char) c
                : '_'));
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
