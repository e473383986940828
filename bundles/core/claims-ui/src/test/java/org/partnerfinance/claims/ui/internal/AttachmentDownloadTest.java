package org.partnerfinance.claims.ui.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.junit.Test;
import org.partnerfinance.claims.api.Attachment;
import org.partnerfinance.claims.api.AttachmentContent;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.Role;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.streams.DownloadEvent;

public class AttachmentDownloadTest {

    private static final Caller REVIEWER = new Caller("reviewer", "Rita", Set.of(Role.FINANCE_REVIEWER), null);

    private final StubClaims claims = new StubClaims();
    private final Map<String, String> headers = new HashMap<>();
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private int status = 200;

    private void serve(long claimId, long attachmentId, boolean inline) throws Exception {
        VaadinResponse response = (VaadinResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {VaadinResponse.class}, (p, m, args) -> {
                    switch (m.getName()) {
                        case "setHeader": headers.put((String) args[0], (String) args[1]); return null;
                        case "setContentType": headers.put("Content-Type", (String) args[0]); return null;
                        case "setContentLengthLong": case "setContentLength":
                            headers.put("Content-Length", String.valueOf(args[0])); return null;
                        case "setStatus": status = (Integer) args[0]; return null;
                        case "getOutputStream": return body;
                        default: throw new UnsupportedOperationException(m.getName());
                    }
                });
        VaadinRequest request = (VaadinRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {VaadinRequest.class}, (p, m, args) -> {
                    throw new UnsupportedOperationException(m.getName());
                });
        new AttachmentDownload(claims, REVIEWER, claimId, attachmentId, inline)
                .handleDownloadRequest(new DownloadEvent(request, response, null, null));
    }

    private void assertSandboxed() {
        assertEquals("nosniff", headers.get("X-Content-Type-Options"));
        String csp = headers.get("Content-Security-Policy");
        assertTrue(csp, csp.startsWith("sandbox;"));
        assertTrue(csp, csp.contains("default-src 'none'"));
        assertTrue(csp, csp.contains("frame-ancestors 'none'"));
    }

    @Test
    public void aPdfIsAlwaysADownloadOfOpaqueBytes() throws Exception {
        byte[] pdf = "%PDF-1.4 <script>".getBytes();
        claims.content = new AttachmentContent(new Attachment(4201, "Hotel Zürich.pdf", "application/pdf", pdf.length,
                "ab"), pdf);
        serve(42, 4201, true);
        assertEquals(200, status);
        assertEquals("application/octet-stream", headers.get("Content-Type"));
        assertEquals("attachment; filename=\"Hotel Z_rich.pdf\"; filename*=UTF-8''Hotel%20Z%C3%BCrich.pdf",
                headers.get("Content-Disposition"));
        assertSandboxed();
        assertArrayEquals(pdf, body.toByteArray());
    }

    @Test
    public void anImageMayBeShownInline() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G'};
        claims.content = new AttachmentContent(new Attachment(4202, "photo.png", "image/png", 4, "cd"), png);
        serve(42, 4202, true);
        assertEquals("image/png", headers.get("Content-Type"));
        assertTrue(headers.get("Content-Disposition").startsWith("inline; filename=\"photo.png\""));
        assertSandboxed();
        assertEquals("4", headers.get("Content-Length"));

        headers.clear();
        serve(42, 4202, false);
        assertEquals("application/octet-stream", headers.get("Content-Type"));
        assertTrue(headers.get("Content-Disposition").startsWith("attachment;"));
    }

    @Test
    public void aMissingOrForeignAttachmentIs404WithTheSameHeaders() throws Exception {
        serve(42, 4299, false);
        assertEquals(404, status);
        assertSandboxed();
        assertEquals(0, body.size());
    }
}
