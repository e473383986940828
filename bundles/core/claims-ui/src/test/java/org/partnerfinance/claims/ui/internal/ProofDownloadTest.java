package org.partnerfinance.claims.ui.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.Test;
import org.partnerfinance.claims.api.ClaimEvent;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.Role;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;

public class ProofDownloadTest {

    private static final Caller PARTNER = new Caller("partner", "Pat", Set.of(Role.PARTNER_USER), "P-1");

    private final StubClaims claims = new StubClaims();
    private final Map<String, String> headers = new HashMap<>();
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private int status = 200;

    private void serve(DownloadHandler handler) throws Exception {
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
        handler.handleDownloadRequest(new DownloadEvent(request, response, null, null));
    }

    @Test
    public void theProofOfARecordOfTheClaimIsAJsonDownloadForItsReader() throws Exception {
        claims.claim = ClaimDetailViewTest.claim(org.partnerfinance.claims.api.ClaimStatus.SUBMITTED, true, 1);
        claims.history = List.of(new ClaimEvent(Instant.parse("2025-06-01T10:05:00Z"), "partner",
                "claim.submitted", "", "status=SUBMITTED", 17));
        serve(ProofDownload.proof(claims, PARTNER, 42, 17));
        assertEquals(200, status);
        assertEquals("application/json", headers.get("Content-Type"));
        assertTrue(headers.get("Content-Disposition")
                .startsWith("attachment; filename=\"audit-proof-claim-42-record-17.json\""));
        assertEquals("nosniff", headers.get("X-Content-Type-Options"));
        assertEquals("{\"proof-of\": 17}", body.toString(StandardCharsets.UTF_8));
        assertTrue(claims.proofReads.contains("42 17 partner"));
    }

    @Test
    public void noProofForARecordTheClaimsServiceDoesNotGive() throws Exception {
        claims.claim = ClaimDetailViewTest.claim(org.partnerfinance.claims.api.ClaimStatus.SUBMITTED, true, 1);
        serve(ProofDownload.proof(claims, PARTNER, 42, 18));
        assertEquals(404, status);
        assertEquals(0, body.size());
    }

    @Test
    public void thePublicKeyIsAPemDownloadOrMissingWithoutTheAuditService() throws Exception {
        serve(ProofDownload.publicKey(() -> Optional.of("-----BEGIN PUBLIC KEY-----\nMCow\n-----END PUBLIC KEY-----\n")));
        assertEquals(200, status);
        assertEquals("application/x-pem-file", headers.get("Content-Type"));
        assertTrue(body.toString(StandardCharsets.UTF_8).startsWith("-----BEGIN PUBLIC KEY-----"));

        body.reset();
        serve(ProofDownload.publicKey(Optional::empty));
        assertEquals(404, status);
    }
}
