package org.partnerfinance.ui.internal;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The security headers of every response of the portal's context. See docs/operations.md ("Content Security Policy")
 * for why each source is there.
 */
final class SecurityHeaders {

    /**
     * The policy of every response. Vaadin Flow 24 needs:
     * <ul>
     * <li>{@code script-src 'unsafe-eval'}: the client engine turns JavaScript sent by the server (property bindings,
     * {@code executeJs}, the components' connectors) into functions with {@code new Function}; without it nothing
     * renders;</li>
     * <li>the inline scripts of the bootstrap page: allowed by a nonce of that response only ({@link CspNonce}), never
     * by {@code 'unsafe-inline'};</li>
     * <li>{@code style-src 'unsafe-inline'}: Lumo and the components inject {@code <style>} elements and style
     * attributes (web components cannot take a style nonce);</li>
     * <li>{@code img-src data:}, {@code font-src data:}: Lumo's icons and fonts are inlined as data URLs.</li>
     * </ul>
     * Everything is loaded from the portal itself; nothing may frame it, plugins are off, forms post only to it.
     */
    static final String PAGE_POLICY = pagePolicy(null);

    /**
     * For files users uploaded (attachments): no script, no plugin, no style or sub-resource of their own, an opaque
     * origin, not framable. An image still shows when opened; nothing in a file can act on the portal.
     */
    static final String ATTACHMENT_POLICY = "sandbox; default-src 'none'; img-src 'self' data:; "
            + "style-src 'unsafe-inline'; frame-ancestors 'none'";

    static final String REFERRER_POLICY = "same-origin";

    /** One year, once the portal is served over HTTPS. */
    static final String HSTS = "max-age=31536000";

    private SecurityHeaders() {
    }

    /** The page policy, allowing inline scripts that carry the nonce (none: no inline script runs). */
    static String pagePolicy(String nonce) {
        return String.join("; ",
                "default-src 'self'",
                "script-src 'self'" + (nonce == null ? "" : " 'nonce-" + nonce + "'") + " 'unsafe-eval'",
                "style-src 'self' 'unsafe-inline'",
                "img-src 'self' data: blob:",
                "font-src 'self' data:",
                "connect-src 'self'",
                "frame-src 'self'",
                "object-src 'none'",
                "base-uri 'self'",
                "form-action 'self'",
                "frame-ancestors 'none'");
    }

    /** Sets the headers of a page or resource of the portal. */
    static void apply(HttpServletResponse response, boolean secure) {
        response.setHeader("Content-Security-Policy", PAGE_POLICY);
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", REFERRER_POLICY);
        if (secure) {
            response.setHeader("Strict-Transport-Security", HSTS);
        }
    }
}
