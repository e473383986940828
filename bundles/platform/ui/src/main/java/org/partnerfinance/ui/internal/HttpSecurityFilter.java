package org.partnerfinance.ui.internal;

import java.io.IOException;
import java.time.Clock;
import java.util.Collections;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * Runs before the Vaadin servlet on every request of the portal's context (pages, UIDL, push, static resources,
 * downloads and uploads):
 * <ul>
 * <li>resolves the client address and scheme ({@link TrustedProxies}) and keeps the address for
 * {@link ClientAddress};</li>
 * <li>sets the security headers ({@link SecurityHeaders});</li>
 * <li>ends sessions older than their absolute lifetime and gives every session the idle timeout
 * ({@link SessionRules});</li>
 * <li>completes the session cookie's flags ({@link SessionCookies});</li>
 * <li>refuses request bodies over the size limit by their Content-Length, and cuts off bodies without one (chunked)
 * when they reach it ({@link LimitedServletInputStream}).</li>
 * </ul>
 */
@Component(service = Filter.class, configurationPid = "org.partnerfinance.ui",
        configurationPolicy = ConfigurationPolicy.OPTIONAL, property = {
            "osgi.http.whiteboard.filter.pattern=/*",
            "osgi.http.whiteboard.filter.name=pf-http-security",
            "osgi.http.whiteboard.filter.asyncSupported=true",
            "osgi.http.whiteboard.context.select=(osgi.http.whiteboard.context.name="
                    + PortalServletContextHelper.NAME + ")" })
@Designate(ocd = HttpConfig.class)
public class HttpSecurityFilter implements Filter {

    private static final Logger LOG = LoggerFactory.getLogger(HttpSecurityFilter.class);

    /** Session attribute: the session already has the configured idle timeout. */
    private static final String IDLE_SET = HttpSecurityFilter.class.getName() + ".idle";

    private final Clock clock;
    private volatile Settings settings;

    /** The configuration as the filter uses it. */
    record Settings(SessionRules sessions, TrustedProxies proxies, long maxRequestBytes) {

        static Settings of(HttpConfig config) {
            TrustedProxies proxies = TrustedProxies.of(config.trusted_proxies(),
                    bad -> LOG.error("Ignoring a trusted proxy of org.partnerfinance.ui: {}", bad.getMessage()));
            return new Settings(SessionRules.of(config), proxies,
                    Math.max(1, config.max_request_size_mb()) * 1024L * 1024L);
        }
    }

    @Activate
    public HttpSecurityFilter(HttpConfig config) {
        this(Settings.of(config), Clock.systemUTC());
    }

    HttpSecurityFilter(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    @Modified
    void modified(HttpConfig config) {
        settings = Settings.of(config);
        LOG.info("Session and HTTP settings changed: idle {} min, lifetime {} min, request limit {} MB, {}",
                config.session_idle_timeout_minutes(), config.session_max_lifetime_minutes(),
                config.max_request_size_mb(), settings.proxies().isEmpty() ? "no trusted proxies"
                        : "trusted proxies " + String.join(", ", config.trusted_proxies()));
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        if (!(req instanceof HttpServletRequest request) || !(res instanceof HttpServletResponse response)) {
            chain.doFilter(req, res);
            return;
        }
        Settings current = settings;
        TrustedProxies.Client client = current.proxies().resolve(request.getRemoteAddr(), request.isSecure(),
                headers(request, "Forwarded"), headers(request, "X-Forwarded-For"),
                request.getHeader("X-Forwarded-Proto"));
        request.setAttribute(ClientAddress.ATTRIBUTE, client.address());

        SecurityHeaders.apply(response, client.secure());

        if (isApiPath(request.getRequestURI(), request.getContextPath())) {
            // the REST API has its own servlet context at /api; a request reaching the portal's context means that
            // context is not registered (starting, or the pf-rest feature is not installed): a JSON client gets a JSON
            // refusal it can retry on, not the sign-in page with status 200
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setHeader("Retry-After", "5");
            response.setHeader("Cache-Control", "no-store");
            response.setContentType("application/json;charset=UTF-8");
            response.getWriter().write("{\"code\":\"unavailable\",\"message\":"
                    + "\"The REST API is not available yet. Try again in a few seconds.\"}");
            return;
        }

        long length = request.getContentLengthLong();
        if (length > current.maxRequestBytes()) {
            LOG.info("Refused a request body of {} bytes from {} to {} (limit {} bytes)", length, client.address(),
                    request.getRequestURI(), current.maxRequestBytes());
            response.setHeader("Connection", "close");
            response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
                    "The request is larger than the portal accepts.");
            return;
        }

        endOutlivedSession(request, current.sessions(), client.address());
        PortalRequest wrapped = new PortalRequest(request, response, current, client.secure());
        wrapped.applyIdleTimeout(request.getSession(false));
        try {
            chain.doFilter(wrapped, response);
        } catch (BodyTooLargeException e) {
            refuse(response);
        } finally {
            SessionCookies.complete(response, client.secure());
        }
    }

    /** Whether a request on the portal's context is addressed to the REST API ({@code /api} and below). */
    static boolean isApiPath(String requestUri, String contextPath) {
        String path = requestUri == null ? "" : requestUri;
        String context = contextPath == null ? "" : contextPath;
        if (path.startsWith(context)) {
            path = path.substring(context.length());
        }
        return path.equals("/api") || path.startsWith("/api/");
    }

    /** The servlet let the cut-off body's exception through: answer 413 if it has not answered yet. */
    private static void refuse(HttpServletResponse response) throws IOException {
        if (!response.isCommitted()) {
            response.setHeader("Connection", "close");
            response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
                    "The request is larger than the portal accepts.");
        }
    }

    private void endOutlivedSession(HttpServletRequest request, SessionRules rules, String client) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return;
        }
        try {
            if (rules.outlived(session.getCreationTime(), clock.millis())) {
                LOG.info("Session of {} reached its absolute lifetime of {}; ended", client, rules.lifetime());
                session.invalidate();
            }
        } catch (IllegalStateException e) {
            // invalidated meanwhile: nothing to end
        }
    }

    private static List<String> headers(HttpServletRequest request, String name) {
        var values = request.getHeaders(name);
        return values == null ? List.of() : Collections.list(values);
    }

    /**
     * The request as the portal sees it: its body limited, and every session it creates (also Vaadin's new session at
     * sign-in) given the idle timeout and complete cookie flags at once.
     */
    private static final class PortalRequest extends HttpServletRequestWrapper {

        private final HttpServletResponse response;
        private final Settings settings;
        private final boolean secure;
        private ServletInputStream body;
        private java.io.BufferedReader reader;

        PortalRequest(HttpServletRequest request, HttpServletResponse response, Settings settings, boolean secure) {
            super(request);
            this.response = response;
            this.settings = settings;
            this.secure = secure;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (body == null) {
                body = new LimitedServletInputStream(super.getInputStream(), settings.maxRequestBytes(),
                        this::cutOff);
            }
            return body;
        }

        /**
         * The body went over the limit while the servlet read it: the rest is never read, and the connection closes
         * after the answer (whatever the servlet makes of the failed read), so the client cannot go on sending.
         */
        private void cutOff() {
            LOG.info("Cut off a request body from {} to {} at the limit of {} bytes", getRemoteAddr(),
                    getRequestURI(), settings.maxRequestBytes());
            if (!response.isCommitted()) {
                response.setHeader("Connection", "close");
            }
        }

        @Override
        public java.io.BufferedReader getReader() throws IOException {
            if (reader == null) {
                String encoding = getCharacterEncoding();
                java.nio.charset.Charset charset = encoding == null ? java.nio.charset.StandardCharsets.UTF_8
                        : java.nio.charset.Charset.forName(encoding);
                reader = new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), charset));
            }
            return reader;
        }

        @Override
        public boolean isSecure() {
            return secure;
        }

        @Override
        public String getRemoteAddr() {
            return (String) getAttribute(ClientAddress.ATTRIBUTE);
        }

        @Override
        public HttpSession getSession() {
            return getSession(true);
        }

        @Override
        public HttpSession getSession(boolean create) {
            HttpSession session = super.getSession(create);
            if (session != null && create) {
                applyIdleTimeout(session);
                SessionCookies.complete(response, secure);
            }
            return session;
        }

        void applyIdleTimeout(HttpSession session) {
            if (session == null) {
                return;
            }
            try {
                int idle = settings.sessions().idleSeconds();
                if (!Integer.valueOf(idle).equals(session.getAttribute(IDLE_SET))) {
                    session.setMaxInactiveInterval(idle);
                    session.setAttribute(IDLE_SET, idle);
                }
            } catch (IllegalStateException e) {
                // invalidated meanwhile
            }
        }
    }

    @Override
    public void destroy() {
        // nothing held
    }
}
