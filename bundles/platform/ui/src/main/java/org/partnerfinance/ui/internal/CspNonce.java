package org.partnerfinance.ui.internal;

import java.security.SecureRandom;
import java.util.Base64;

import org.jsoup.nodes.Element;

import com.vaadin.flow.server.communication.IndexHtmlRequestListener;
import com.vaadin.flow.server.communication.IndexHtmlResponse;

/**
 * Lets the inline scripts of Vaadin's bootstrap page run without {@code 'unsafe-inline'}: every {@code <script>} of
 * the page gets a fresh random nonce, and the page's Content-Security-Policy allows that nonce only (it replaces the
 * policy {@link HttpSecurityFilter} set, which allows no inline script at all). An injected script carries no valid
 * nonce and does not run.
 */
final class CspNonce implements IndexHtmlRequestListener {

    private static final long serialVersionUID = 1L;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    public void modifyIndexHtmlResponse(IndexHtmlResponse response) {
        String nonce = newNonce();
        for (Element script : response.getDocument().select("script")) {
            script.attr("nonce", nonce);
        }
        response.getVaadinResponse().setHeader("Content-Security-Policy", SecurityHeaders.pagePolicy(nonce));
    }

    /** 128 random bits, base64 (CSP nonces must be unguessable and fresh for every response). */
    static String newNonce() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
