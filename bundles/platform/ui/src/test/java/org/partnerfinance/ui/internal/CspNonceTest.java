package org.partnerfinance.ui.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.Test;

import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.communication.IndexHtmlResponse;

public class CspNonceTest {

    @Test
    public void everyScriptOfTheBootstrapPageGetsTheNonceThePolicyAllows() {
        Document page = Jsoup.parse("<html><head><script>window.a=1</script><script type=module src=\"x.js\"></script>"
                + "</head><body><script>window.b=2</script></body></html>");
        Map<String, String> headers = new HashMap<>();
        VaadinResponse response = (VaadinResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {VaadinResponse.class}, (p, m, args) -> {
                    if (m.getName().equals("setHeader")) {
                        headers.put((String) args[0], (String) args[1]);
                        return null;
                    }
                    throw new UnsupportedOperationException(m.getName());
                });
        new CspNonce().modifyIndexHtmlResponse(new IndexHtmlResponse(null, response, page));

        String nonce = page.select("script").first().attr("nonce");
        assertEquals(24, nonce.length());
        page.select("script").forEach(s -> assertEquals(nonce, s.attr("nonce")));
        String policy = headers.get("Content-Security-Policy");
        assertTrue(policy, policy.contains("script-src 'self' 'nonce-" + nonce + "' 'unsafe-eval'"));
        assertFalse(policy, policy.contains("'unsafe-inline' 'unsafe-eval'"));
        assertTrue(policy, policy.contains("frame-ancestors 'none'"));
    }

    @Test
    public void noncesAreFreshAndTheDefaultPolicyAllowsNoInlineScript() {
        assertNotEquals(CspNonce.newNonce(), CspNonce.newNonce());
        assertTrue(SecurityHeaders.PAGE_POLICY, SecurityHeaders.PAGE_POLICY.contains("script-src 'self' 'unsafe-eval'"));
    }
}
