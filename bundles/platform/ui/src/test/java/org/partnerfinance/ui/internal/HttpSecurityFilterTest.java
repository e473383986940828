package org.partnerfinance.ui.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.Test;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;

public class HttpSecurityFilterTest {

    private static final int ONE_MB = 1024 * 1024;

    private final FakeHttp.Request request = new FakeHttp.Request();
    private final FakeHttp.Response response = new FakeHttp.Response();

    private static HttpSecurityFilter filter(Clock clock, String... trustedProxies) {
        return new HttpSecurityFilter(HttpSecurityFilter.Settings.of(Configs.http(30, 720, trustedProxies, 1)),
                clock);
    }

    private static HttpSecurityFilter filter(String... trustedProxies) {
        return filter(Clock.systemUTC(), trustedProxies);
    }

    private AtomicReference<HttpServletRequest> run(HttpSecurityFilter filter, FilterChain chain)
            throws IOException, ServletException {
        AtomicReference<HttpServletRequest> seen = new AtomicReference<>();
        filter.doFilter(request.proxy(), response.proxy(), (req, res) -> {
            seen.set((HttpServletRequest) req);
            if (chain != null) {
                chain.doFilter(req, res);
            }
        });
        return seen;
    }

    @Test
    public void everyResponseCarriesTheSecurityHeaders() throws Exception {
        run(filter(), null);
        String csp = response.header("Content-Security-Policy");
        assertTrue(csp, csp.contains("frame-ancestors 'none'"));
        assertTrue(csp, csp.contains("default-src 'self'"));
        assertTrue(csp, csp.contains("object-src 'none'"));
        assertEquals("DENY", response.header("X-Frame-Options"));
        assertEquals("nosniff", response.header("X-Content-Type-Options"));
        assertEquals("same-origin", response.header("Referrer-Policy"));
        assertNull("no HSTS over plain HTTP", response.header("Strict-Transport-Security"));
    }

    @Test
    public void httpsThroughATrustedProxyGetsHstsAndSecureCookies() throws Exception {
        request.remoteAddr = "10.0.0.2";
        request.header("X-Forwarded-For", "198.51.100.7").header("X-Forwarded-Proto", "https");
        AtomicReference<HttpServletRequest> seen = run(filter("10.0.0.0/8"), (req, res) -> {
            ((HttpServletRequest) req).getSession(true);
            // what the servlet container does when it creates a session
            response.proxy().addHeader("Set-Cookie", "JSESSIONID=abc; Path=/");
        });
        assertNotNull(response.header("Strict-Transport-Security"));
        assertEquals("198.51.100.7", request.attributes.get(ClientAddress.ATTRIBUTE));
        assertEquals("198.51.100.7", seen.get().getRemoteAddr());
        assertTrue(seen.get().isSecure());
        assertEquals("JSESSIONID=abc; Path=/; HttpOnly; SameSite=Lax; Secure", response.header("Set-Cookie"));
    }

    @Test
    public void forwardedHeadersOfAnUntrustedPeerAreIgnored() throws Exception {
        request.header("X-Forwarded-For", "198.51.100.7").header("X-Forwarded-Proto", "https");
        AtomicReference<HttpServletRequest> seen = run(filter("10.0.0.0/8"), null);
        assertEquals("192.0.2.10", request.attributes.get(ClientAddress.ATTRIBUTE));
        assertFalse(seen.get().isSecure());
        assertNull(response.header("Strict-Transport-Security"));
    }

    @Test
    public void aNewSessionGetsTheIdleTimeoutAndCookieFlagsAtOnce() throws Exception {
        run(filter(), (req, res) -> {
            response.proxy().addHeader("Set-Cookie", "JSESSIONID=abc; Path=/");
            ((HttpServletRequest) req).getSession();
            // the flags are there before the servlet writes (and commits) its answer
            assertEquals("JSESSIONID=abc; Path=/; HttpOnly; SameSite=Lax", response.header("Set-Cookie"));
        });
        assertEquals(30 * 60, request.session.maxInactive);
    }

    @Test
    public void aSessionPastItsAbsoluteLifetimeEndsBeforeTheRequestIsServed() throws Exception {
        request.session = new FakeHttp.Session(Instant.parse("2030-01-01T00:00:00Z").toEpochMilli());
        FakeHttp.Session old = request.session;
        Clock twelveHoursLater = Clock.fixed(Instant.parse("2030-01-01T12:00:00Z"), ZoneOffset.UTC);
        AtomicReference<HttpServletRequest> seen = run(filter(twelveHoursLater), null);
        assertTrue(old.invalidated);
        assertNull("the servlet sees no session", seen.get().getSession(false));
    }

    @Test
    public void aYoungerSessionStays() throws Exception {
        request.session = new FakeHttp.Session(Instant.parse("2030-01-01T00:00:00Z").toEpochMilli());
        Clock later = Clock.fixed(Instant.parse("2030-01-01T00:00:00Z").plus(Duration.ofHours(11).plusMinutes(59)),
                ZoneOffset.UTC);
        run(filter(later), null);
        assertFalse(request.session.invalidated);
        assertEquals(30 * 60, request.session.maxInactive);
    }

    @Test
    public void anAnnouncedBodyOverTheLimitIsRefusedUnread() throws Exception {
        request.contentLength = ONE_MB + 1L;
        InputStream untouched = new InputStream() {
            @Override
            public int read() {
                throw new AssertionError("the body was read");
            }
        };
        request.body = untouched;
        AtomicReference<HttpServletRequest> seen = run(filter(), null);
        assertNull("the servlet never ran", seen.get());
        assertEquals(413, response.status);
        assertEquals("close", response.header("Connection"));
        assertNotNull("headers also on the refusal", response.header("Content-Security-Policy"));
    }

    @Test
    public void aChunkedBodyIsCutOffAtTheLimit() throws Exception {
        long[] taken = {0};
        request.body = new InputStream() {
            @Override
            public int read() {
                taken[0]++;
                return 'x';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                taken[0] += len;
                return len;
            }
        };
        run(filter(), (req, res) -> req.getInputStream().transferTo(new ByteArrayOutputStream()));
        assertEquals(413, response.status);
        assertEquals(ONE_MB + 1L, taken[0]);
        assertEquals("close", response.header("Connection"));
    }

    @Test
    public void aServletThatSwallowsTheCutOffStillClosesTheConnection() throws Exception {
        request.body = new InputStream() {
            @Override
            public int read() {
                return 'x';
            }
        };
        run(filter(), (req, res) -> {
            try {
                req.getInputStream().transferTo(new ByteArrayOutputStream());
            } catch (BodyTooLargeException e) {
                // e.g. Vaadin answering a failed read itself
            }
        });
        assertEquals(200, response.status);
        assertEquals("close", response.header("Connection"));
    }

    @Test
    public void aBodyReadAsTextIsCutOffToo() throws Exception {
        request.body = new InputStream() {
            @Override
            public int read() {
                return 'x';
            }
        };
        run(filter(), (req, res) -> req.getReader().transferTo(java.io.Writer.nullWriter()));
        assertEquals(413, response.status);
    }

    @Test
    public void aBodyWithinTheLimitPasses() throws Exception {
        request.contentLength = ONE_MB;
        request.body = new java.io.ByteArrayInputStream(new byte[ONE_MB]);
        long[] read = {0};
        run(filter(), (req, res) -> read[0] = req.getInputStream().transferTo(new ByteArrayOutputStream()));
        assertEquals(ONE_MB, read[0]);
        assertEquals(200, response.status);
    }

    @Test
    public void apiPathsAreRecognisedWhateverTheContextPath() {
        assertTrue(HttpSecurityFilter.isApiPath("/api/v1/me", ""));
        assertTrue(HttpSecurityFilter.isApiPath("/api", ""));
        assertTrue(HttpSecurityFilter.isApiPath("/portal/api/v1/invoices", "/portal"));
        assertFalse(HttpSecurityFilter.isApiPath("/apidocs", ""));
        assertFalse(HttpSecurityFilter.isApiPath("/claims/api", ""));
        assertFalse(HttpSecurityFilter.isApiPath(null, null));
    }
}
