package org.partnerfinance.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

import org.junit.Before;
import org.junit.Test;
import org.ops4j.pax.exam.Option;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * HTTP security of the booted distribution, seen from an HTTP client: the security headers of pages and static
 * resources, the session cookie's flags over HTTP and HTTPS, forwarded headers believed only from a trusted proxy, and
 * the request size limit (announced and chunked bodies).
 *
 * <p>HTTPS is configured exactly as docs/operations.md tells operators to: Felix HTTP's
 * {@code org.apache.felix.https.*} keys in {@code etc/org.apache.felix.http.cfg}, with a keystore generated for this
 * run and its password given as a {@code ${...}} placeholder that Karaf fills in from a system property. The request
 * size limit is set to 1 MB for this run. Attachment downloads need a signed-in Vaadin UI; their headers are tested
 * at the handler (AttachmentDownloadTest in pf-claims-ui).
 */
public class HttpSecurityIT extends PfTestSupport {

    private static final String HTTPS_PORT_PROPERTY = "pf.test.https.port";
    private static final String KEYSTORE_PASSWORD_PROPERTY = "pf.test.keystore.password";
    private static final String UI_PID = "org.partnerfinance.ui";
    private static final int LIMIT_MB = 1;
    private static final long LIMIT = LIMIT_MB * 1024L * 1024L;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private HttpClient http;
    private String base;

    @Override
    protected Option[] additionalOptions() {
        // runs in the test JVM, before the distribution boots
        String password = UUID.randomUUID().toString();
        File keystore = generateKeystore(password);
        String httpsPort = Integer.toString(freeTcpPort());
        String felixHttp = "etc/org.apache.felix.http.cfg";
        return new Option[] {
            editConfigurationFilePut(felixHttp, "org.apache.felix.https.enable", "true"),
            editConfigurationFilePut(felixHttp, "org.osgi.service.http.port.secure", httpsPort),
            editConfigurationFilePut(felixHttp, "org.apache.felix.https.keystore", keystore.getAbsolutePath()),
            editConfigurationFilePut(felixHttp, "org.apache.felix.https.keystore.type", "PKCS12"),
            editConfigurationFilePut(felixHttp, "org.apache.felix.https.keystore.password",
                    "${" + KEYSTORE_PASSWORD_PROPERTY + "}"),
            editConfigurationFilePut(felixHttp, "org.apache.felix.https.keystore.key.password",
                    "${" + KEYSTORE_PASSWORD_PROPERTY + "}"),
            editConfigurationFilePut("etc/" + UI_PID + ".cfg", "max.request.size.mb", Integer.toString(LIMIT_MB)),
            systemProperty(KEYSTORE_PASSWORD_PROPERTY).value(password),
            systemProperty(HTTPS_PORT_PROPERTY).value(httpsPort),
        };
    }

    @Before
    public void portalIsUp() {
        base = "http://localhost:" + System.getProperty(HTTP_PORT_PROPERTY);
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        waitFor("the sign-in page at " + base, () -> get(http, base + "/login").statusCode() == 200);
    }

    // ------------------------------------------------------------------------------------------------- headers

    @Test
    public void theSignInPageCarriesTheSecurityHeadersAndAScriptNonce() {
        HttpResponse<String> page = get(http, base + "/login");
        assertEquals(200, page.statusCode());
        assertSecurityHeaders(page);
        String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        Matcher nonce = Pattern.compile("'nonce-([A-Za-z0-9+/=]+)'").matcher(policy);
        assertTrue("the page's policy allows its scripts by nonce: " + policy, nonce.find());
        assertFalse(policy, policy.contains("'unsafe-inline' 'unsafe-eval'"));
        // every script of the page carries that nonce
        Matcher scripts = Pattern.compile("<script([^>]*)>").matcher(page.body());
        int count = 0;
        while (scripts.find()) {
            count++;
            assertTrue("script without the nonce: " + scripts.group(), scripts.group(1).contains("nonce=\""
                    + nonce.group(1) + "\""));
        }
        assertTrue("the bootstrap page has scripts", count > 0);
        String again = get(http, base + "/login").headers().firstValue("Content-Security-Policy").orElseThrow();
        assertFalse("a fresh nonce for every page", again.contains(nonce.group(1)));
    }

    @Test
    public void staticResourcesCarryTheSecurityHeaders() {
        String page = get(http, base + "/login").body();
        Matcher script = Pattern.compile("src=\"\\./(VAADIN/build/[^\"]+\\.js)\"").matcher(page);
        assertTrue("the bootstrap page loads the frontend bundle:\n" + page, script.find());
        for (String path : List.of(script.group(1), "VAADIN/static/push/vaadinPush-min.js")) {
            HttpResponse<String> resource = get(http, base + "/" + path);
            assertEquals(path, 200, resource.statusCode());
            assertTrue(path, resource.headers().firstValue("Content-Type").orElse("").startsWith("text/javascript"));
            assertSecurityHeaders(resource);
        }
        HttpResponse<String> missing = get(http, base + "/VAADIN/build/no-such-file.js");
        assertEquals(404, missing.statusCode());
        assertSecurityHeaders(missing);
    }

    // ------------------------------------------------------------------------------------------------- cookies

    @Test
    public void overHttpTheSessionCookieIsHttpOnlyAndSameSiteLax() {
        String cookie = sessionCookie(get(http, base + "/login"));
        assertTrue(cookie, hasAttribute(cookie, "HttpOnly"));
        assertTrue(cookie, cookie.contains("SameSite=Lax"));
        assertFalse(cookie, hasAttribute(cookie, "Secure"));
    }

    @Test
    public void overHttpsTheCookieIsSecureAndStrictTransportSecurityIsSent() throws Exception {
        HttpClient https = HttpClient.newBuilder().sslContext(trustEverything())
                .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
        String url = "https://localhost:" + System.getProperty(HTTPS_PORT_PROPERTY) + "/login";
        waitFor("HTTPS at " + url, () -> get(https, url).statusCode() == 200);
        HttpResponse<String> page = get(https, url);
        assertSecurityHeaders(page);
        assertTrue(page.headers().firstValue("Strict-Transport-Security").orElse("").startsWith("max-age="));
        String cookie = sessionCookie(page);
        assertTrue(cookie, hasAttribute(cookie, "Secure"));
        assertTrue(cookie, hasAttribute(cookie, "HttpOnly"));
        assertTrue(cookie, cookie.contains("SameSite=Lax"));
    }

    // --------------------------------------------------------------------------------------------- forwarded

    @Test
    public void forwardedHeadersCountOnlyFromATrustedProxy() throws Exception {
        HttpRequest viaProxy = HttpRequest.newBuilder(URI.create(base + "/login")).timeout(REQUEST_TIMEOUT)
                .header("X-Forwarded-For", "198.51.100.7").header("X-Forwarded-Proto", "https").build();

        HttpResponse<String> untrusted = http.send(viaProxy, HttpResponse.BodyHandlers.ofString());
        assertNull("no HSTS on the word of an untrusted peer",
                untrusted.headers().firstValue("Strict-Transport-Security").orElse(null));
        assertFalse(hasAttribute(sessionCookie(untrusted), "Secure"));

        ConfigurationAdmin configurationAdmin = getService(ConfigurationAdmin.class);
        Configuration configuration = configurationAdmin.getConfiguration(UI_PID, "?");
        Dictionary<String, Object> previous = configuration.getProperties();
        Dictionary<String, Object> trusting = new Hashtable<>();
        trusting.put("max.request.size.mb", LIMIT_MB);
        trusting.put("trusted.proxies", new String[] {"127.0.0.1", "::1"});
        configuration.update(trusting);
        try {
            waitFor("the test client to be a trusted proxy", () -> send(http, viaProxy).headers()
                    .firstValue("Strict-Transport-Security").isPresent());
            HttpResponse<String> trusted = send(http, viaProxy);
            assertTrue(hasAttribute(sessionCookie(trusted), "Secure"));
            // a peer claiming to be behind a proxy does not become trusted itself: still believed only from it
            HttpResponse<String> plain = get(http, base + "/login");
            assertNull(plain.headers().firstValue("Strict-Transport-Security").orElse(null));
        } finally {
            configuration.update(previous == null ? defaults() : previous);
        }
        waitFor("the proxy to be untrusted again", () -> send(http, viaProxy).headers()
                .firstValue("Strict-Transport-Security").isEmpty());
    }

    private static Dictionary<String, Object> defaults() {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("max.request.size.mb", LIMIT_MB);
        return properties;
    }

    // ------------------------------------------------------------------------------------------ size limits

    /** A body announced larger than the limit is refused at once: the answer comes before any of it is sent. */
    @Test
    public void aBodyAnnouncedOverTheLimitIsRefusedBeforeItIsSent() throws IOException {
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/octet-stream\r\n"
                    + "Content-Length: " + (50 * LIMIT) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String head = readHead(socket.getInputStream());
            assertTrue(head, head.startsWith("HTTP/1.1 413"));
            assertTrue(head, head.toLowerCase().contains("content-security-policy:"));
            assertTrue(head, head.toLowerCase().contains("connection: close"));
        }
    }

    /**
     * A chunked body (no size announced) sent to an address that reads its body is cut off at the limit: the server
     * stops reading and closes the connection long before the client has sent it all; a body within the limit to the
     * same address is read whole and the connection stays open.
     */
    @Test
    public void aChunkedBodyOverTheLimitIsCutOffWhileItIsRead() throws Exception {
        Upload small = sendChunked(LIMIT / 2, 64 * 1024);
        assertTrue("a body within the limit is read whole and answered: " + small, small.allSent()
                && small.head().startsWith("HTTP/1.1 200"));
        assertFalse(small.toString(), small.head().toLowerCase().contains("connection: close"));

        long total = 200 * LIMIT;
        Upload big = sendChunked(total, 64 * 1024);
        assertFalse("the server stopped reading before the client was done: " + big, big.allSent());
        assertTrue("cut off near the limit, not after reading everything: " + big, big.sent() < total / 4);
        assertTrue("the connection is closed after the answer: " + big, big.head().isEmpty()
                || big.head().toLowerCase().contains("connection: close"));
    }

    /** What the client managed to send before the answer came or the connection closed, and the answer's head. */
    private record Upload(long sent, boolean allSent, String head) {
    }

    /**
     * POSTs a chunked body as a Vaadin UIDL request to the UI of a fresh session: Vaadin reads the whole body (JSON)
     * before it looks at it, so the body is read until it ends or the limit cuts it off.
     */
    private Upload sendChunked(long total, int chunk) throws Exception {
        HttpResponse<String> page = get(http, base + "/login");
        String cookie = sessionCookie(page).split(";")[0];
        // the UI of the page, as the browser's bootstrap script asks for it
        HttpResponse<String> init = send(http, HttpRequest.newBuilder(URI.create(base
                + "/?v-r=init&location=login&query=")).header("Cookie", cookie).timeout(REQUEST_TIMEOUT).build());
        assertTrue("a UI for the session: " + init.body(), init.body().contains("\"v-uiId\":0"));
        try (Socket socket = connect()) {
            socket.setSendBufferSize(16 * 1024);
            socket.setSoTimeout((int) REQUEST_TIMEOUT.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(("POST /?v-r=uidl&v-uiId=0 HTTP/1.1\r\nHost: localhost\r\nCookie: " + cookie + "\r\n"
                    + "Content-Type: application/json; charset=UTF-8\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] data = new byte[chunk];
            java.util.Arrays.fill(data, (byte) ' ');
            long sent = 0;
            boolean allSent;
            try {
                while (sent < total) {
                    int n = (int) Math.min(chunk, total - sent);
                    out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(data, 0, n);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    sent += n;
                    if (socket.getInputStream().available() > 0) {
                        break; // the server answered already
                    }
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                allSent = sent == total;
            } catch (IOException e) {
                allSent = false; // the server closed the connection
            }
            String head;
            try {
                head = readHead(socket.getInputStream());
            } catch (IOException e) {
                head = ""; // reset: the server closed the connection without (or before delivering) an answer
            }
            return new Upload(sent, allSent, head);
        }
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static void assertSecurityHeaders(HttpResponse<?> response) {
        String where = response.request().uri().toString();
        String policy = response.headers().firstValue("Content-Security-Policy").orElse(null);
        assertNotNull("CSP on " + where, policy);
        assertTrue(where + ": " + policy, policy.contains("default-src 'self'"));
        assertTrue(where + ": " + policy, policy.contains("frame-ancestors 'none'"));
        assertTrue(where + ": " + policy, policy.contains("object-src 'none'"));
        assertEquals(where, Optional.of("DENY"), response.headers().firstValue("X-Frame-Options"));
        assertEquals(where, Optional.of("nosniff"), response.headers().firstValue("X-Content-Type-Options"));
        assertEquals(where, Optional.of("same-origin"), response.headers().firstValue("Referrer-Policy"));
    }

    private static String sessionCookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie from "
                        + response.request().uri() + ": " + response.headers().map()));
    }

    private static boolean hasAttribute(String cookie, String name) {
        String[] parts = cookie.split(";");
        for (int i = 1; i < parts.length; i++) {
            if (parts[i].strip().equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    private static HttpResponse<String> get(HttpClient client, String url) {
        return send(client, HttpRequest.newBuilder(URI.create(url)).timeout(REQUEST_TIMEOUT).build());
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket("localhost", Integer.parseInt(System.getProperty(HTTP_PORT_PROPERTY)));
        socket.setSoTimeout((int) REQUEST_TIMEOUT.toMillis());
        return socket;
    }

    /** The status line and headers of an HTTP response. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    /** Trusts the self-signed certificate generated for this run (and anything else: test use only). */
    private static SSLContext trustEverything() throws Exception {
        TrustManager trustAll = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {trustAll}, new SecureRandom());
        return context;
    }

    /** A PKCS12 keystore with a self-signed certificate for localhost, made by the JDK's keytool. */
    private static File generateKeystore(String password) {
        File folder = new File("target/exam-keystores");
        if (!folder.isDirectory() && !folder.mkdirs()) {
            throw new IllegalStateException("Cannot create " + folder);
        }
        File keystore = new File(folder, "portal-" + UUID.randomUUID() + ".p12");
        String keytool = new File(System.getProperty("java.home"), "bin/keytool").getAbsolutePath();
        ProcessBuilder builder = new ProcessBuilder(keytool, "-genkeypair", "-alias", "portal", "-keyalg", "RSA",
                "-keysize", "2048", "-validity", "2", "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                "-storetype", "PKCS12", "-keystore", keystore.getAbsolutePath(), "-storepass", password, "-keypass",
                password).redirectErrorStream(true);
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0 || !keystore.isFile()) {
                fail("keytool failed: " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run " + keytool, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return keystore;
    }

    private static int freeTcpPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("No free port", e);
        }
    }
}
