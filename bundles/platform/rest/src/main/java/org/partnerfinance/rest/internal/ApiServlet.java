package org.partnerfinance.rest.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.partnerfinance.rest.api.RestException;
import org.partnerfinance.rest.api.RestResource;
import org.partnerfinance.security.api.ApiTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The API's servlet in its own context ({@link ApiContext}, {@code /api/v1}): reads the request within the size
 * limit, hands it to the {@link Dispatcher} and writes the answer with the headers every API answer carries
 * ({@code Cache-Control: no-store}, nosniff, a CSP that allows nothing, no framing, no referrer; HSTS over HTTPS). No
 * session and no cookie is ever created: every request authenticates with its bearer token.
 */
@Component(service = Servlet.class, configurationPid = "org.partnerfinance.rest", property = {
        "osgi.http.whiteboard.servlet.pattern=/*",
        "osgi.http.whiteboard.servlet.name=pf-rest",
        "osgi.http.whiteboard.context.select=(osgi.http.whiteboard.context.name=" + ApiContext.NAME + ")" })
@Designate(ocd = RestConfig.class)
public class ApiServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ApiServlet.class);
    private static final List<String> WITH_BODY = List.of("POST", "PUT", "PATCH");

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<RestResource> resources;

    private final transient Dispatcher dispatcher;
    private volatile long maxBytes;
    private volatile Set<String> trustedProxies = Set.of();

    @Activate
    public ApiServlet(@Reference ApiTokens tokens, RestConfig config) {
        this.dispatcher = new Dispatcher(tokens, () -> {
            List<RestResource> current = resources;
            return current == null ? List.of() : current;
        }, new Json());
        modified(config);
    }

    @Modified
    void modified(RestConfig config) {
        maxBytes = Math.max(1, config.max_request_size_kb()) * 1024L;
        Set<String> proxies = new HashSet<>();
        for (String proxy : config.trusted_proxies() == null ? new String[0] : config.trusted_proxies()) {
            if (proxy != null && !proxy.isBlank()) {
                proxies.add(bare(proxy));
            }
        }
        trustedProxies = Set.copyOf(proxies);
    }

    /**
     * The client's address: the TCP peer, or for a request from a trusted proxy the last X-Forwarded-For entry (the
     * address that proxy saw; earlier entries are whatever the client claimed).
     */
    static String clientAddress(String peer, String forwardedFor, Set<String> trusted) {
        String address = bare(peer == null ? "" : peer);
        if (!trusted.contains(address) || forwardedFor == null || forwardedFor.isBlank()) {
            return address;
        }
        String[] hops = forwardedFor.split(",");
        String last = bare(hops[hops.length - 1]);
        return last.isEmpty() ? address : last;
    }

    /** An address without blanks and without the brackets Jetty puts around IPv6 addresses. */
    private static String bare(String address) {
        String a = address.strip();
        return a.startsWith("[") && a.endsWith("]") ? a.substring(1, a.length() - 1) : a;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String method = request.getMethod().toUpperCase(Locale.ROOT);
        ApiAnswer answer;
        try {
            ApiCall.Body body = WITH_BODY.contains(method) ? lazyBody(request) : ApiCall.Body.of(new byte[0]);
            ApiCall call = new ApiCall(method, segments(request), query(request.getQueryString()),
                    request::getHeader, body, clientAddress(request.getRemoteAddr(),
                    request.getHeader("X-Forwarded-For"), trustedProxies));
            answer = dispatcher.dispatch(call);
        } catch (RestException e) {
            answer = dispatcher.error(e, Map.of());
        }
        write(request, response, answer);
    }

    /** The request's body, read when the resource asks for it: after authentication, as JSON or as a stream. */
    private ApiCall.Body lazyBody(HttpServletRequest request) {
        return new ApiCall.Body() {
            @Override
            public byte[] json() {
                try {
                    return readBody(request);
                } catch (IOException e) {
                    throw new RestException(400, "unreadable_body", "The request body could not be read.", null);
                }
            }

            @Override
            public InputStream stream() {
                try {
                    return request.getInputStream();
                } catch (IOException e) {
                    throw new RestException(400, "unreadable_body", "The request body could not be read.", null);
                }
            }
        };
    }

    /**
     * The body, refused with 413 beyond the limit (by Content-Length, or while reading one without it) and with 415
     * when it is declared as anything but JSON.
     */
    private byte[] readBody(HttpServletRequest request) throws IOException {
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            throw new RestException(413, "too_large", "The request body is larger than " + maxBytes / 1024
                    + " KB.", null);
        }
        String type = request.getContentType();
        if (type != null && !type.toLowerCase(Locale.ROOT).startsWith("application/json") && declared != 0) {
            throw new RestException(415, "unsupported_media_type", "Send the body as application/json.", null);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try (InputStream in = request.getInputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                if (out.size() > maxBytes) {
                    throw new RestException(413, "too_large", "The request body is larger than " + maxBytes / 1024
                            + " KB.", null);
                }
            }
        }
        return out.toByteArray();
    }

    private void write(HttpServletRequest request, HttpServletResponse response, ApiAnswer answer)
            throws IOException {
        response.setStatus(answer.status());
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'; sandbox");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000");
        }
        answer.headers().forEach(response::setHeader);
        if (answer.status() == 413) {
            // the rest of a too large body is never read: do not keep the connection for it
            response.setHeader("Connection", "close");
        }
        response.setContentType(answer.contentType());
        response.setContentLength(answer.body().length);
        if (!"HEAD".equalsIgnoreCase(request.getMethod())) {
            response.getOutputStream().write(answer.body());
        }
        if (answer.status() >= 500) {
            LOG.debug("REST answer {} to {} {}", answer.status(), request.getMethod(), request.getRequestURI());
        }
    }

    /** The decoded path segments after the context path; empty segments (double or trailing slashes) dropped. */
    static List<String> segments(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        String rest = uri.startsWith(context) ? uri.substring(context.length()) : uri;
        return segments(rest);
    }

    static List<String> segments(String rawPath) {
        List<String> segments = new ArrayList<>();
        for (String part : rawPath.split("/")) {
            if (!part.isEmpty()) {
                segments.add(decode(part, false));
            }
        }
        return segments;
    }

    /** Query parameters by name, in order; '+' is a space as in HTML forms. */
    static Map<String, List<String>> query(String queryString) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (queryString == null || queryString.isEmpty()) {
            return parameters;
        }
        for (String pair : queryString.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq), true);
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1), true);
            parameters.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return parameters;
    }

    private static String decode(String text, boolean plusIsSpace) {
        try {
            return URLDecoder.decode(plusIsSpace ? text : text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw RestException.badRequest(null, "The address contains an invalid %-escape.");
        }
    }
}
