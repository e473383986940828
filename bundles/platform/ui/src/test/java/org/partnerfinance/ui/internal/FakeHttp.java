package org.partnerfinance.ui.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/** Servlet request, response and session fakes: just the state the portal's filter reads and writes. */
final class FakeHttp {

    private FakeHttp() {
    }

    /** A request; mutable fields are read by the proxy on every call. */
    static final class Request {
        String remoteAddr = "192.0.2.10";
        boolean secure;
        String uri = "/";
        long contentLength = -1;
        InputStream body = new ByteArrayInputStream(new byte[0]);
        final Map<String, List<String>> headers = new HashMap<>();
        final Map<String, Object> attributes = new HashMap<>();
        Session session;
        boolean sessionCreated;

        Request header(String name, String value) {
            headers.computeIfAbsent(name.toLowerCase(), k -> new ArrayList<>()).add(value);
            return this;
        }

        HttpServletRequest proxy() {
            return (HttpServletRequest) Proxy.newProxyInstance(FakeHttp.class.getClassLoader(),
                    new Class<?>[] {HttpServletRequest.class}, (p, method, args) -> {
                        switch (method.getName()) {
                            case "getRemoteAddr": return remoteAddr;
                            case "isSecure": return secure;
                            case "getRequestURI": return uri;
                            case "getContextPath": return "";
                            case "getContentLengthLong": return contentLength;
                            case "getContentLength": return (int) contentLength;
                            case "getHeader": {
                                List<String> values = headers.get(((String) args[0]).toLowerCase());
                                return values == null ? null : values.get(0);
                            }
                            case "getHeaders": return Collections.enumeration(
                                    headers.getOrDefault(((String) args[0]).toLowerCase(), List.of()));
                            case "getAttribute": return attributes.get(args[0]);
                            case "setAttribute": attributes.put((String) args[0], args[1]); return null;
                            case "getInputStream": return servletStream(body);
                            case "getCharacterEncoding": return null;
                            case "getSession": {
                                boolean create = args == null || (Boolean) args[0];
                                if ((session == null || session.invalidated) && create) {
                                    session = new Session(System.currentTimeMillis());
                                    sessionCreated = true;
                                }
                                return session == null || session.invalidated ? null : session.proxy();
                            }
                            case "toString": return "fake request " + uri;
                            default: throw new UnsupportedOperationException(method.getName());
                        }
                    });
        }
    }

    static final class Session {
        final long created;
        int maxInactive = 1800;
        boolean invalidated;
        final Map<String, Object> attributes = new HashMap<>();

        Session(long created) {
            this.created = created;
        }

        HttpSession proxy() {
            return (HttpSession) Proxy.newProxyInstance(FakeHttp.class.getClassLoader(),
                    new Class<?>[] {HttpSession.class}, (p, method, args) -> {
                        if (invalidated && !method.getName().equals("toString")) {
                            throw new IllegalStateException("invalidated");
                        }
                        switch (method.getName()) {
                            case "getCreationTime": return created;
                            case "getMaxInactiveInterval": return maxInactive;
                            case "setMaxInactiveInterval": maxInactive = (Integer) args[0]; return null;
                            case "getAttribute": return attributes.get(args[0]);
                            case "setAttribute": attributes.put((String) args[0], args[1]); return null;
                            case "invalidate": invalidated = true; return null;
                            case "toString": return "fake session";
                            default: throw new UnsupportedOperationException(method.getName());
                        }
                    });
        }
    }

    static final class Response {
        final Map<String, List<String>> headers = new LinkedHashMap<>();
        int status = 200;
        String error;
        boolean committed;

        String header(String name) {
            List<String> values = headers.get(name.toLowerCase());
            return values == null ? null : values.get(0);
        }

        HttpServletResponse proxy() {
            return (HttpServletResponse) Proxy.newProxyInstance(FakeHttp.class.getClassLoader(),
                    new Class<?>[] {HttpServletResponse.class}, (p, method, args) -> {
                        switch (method.getName()) {
                            case "setHeader": {
                                List<String> values = new ArrayList<>();
                                values.add((String) args[1]);
                                headers.put(((String) args[0]).toLowerCase(), values);
                                return null;
                            }
                            case "addHeader":
                                headers.computeIfAbsent(((String) args[0]).toLowerCase(), k -> new ArrayList<>())
                                        .add((String) args[1]);
                                return null;
                            case "getHeader": return header((String) args[0]);
                            case "getHeaders": return new ArrayList<>(
                                    headers.getOrDefault(((String) args[0]).toLowerCase(), List.of()));
                            case "isCommitted": return committed;
                            case "sendError":
                                status = (Integer) args[0];
                                error = args.length > 1 ? (String) args[1] : null;
                                committed = true;
                                return null;
                            case "setStatus": status = (Integer) args[0]; return null;
                            case "toString": return "fake response";
                            default: throw new UnsupportedOperationException(method.getName());
                        }
                    });
        }
    }

    static ServletInputStream servletStream(InputStream in) {
        return new ServletInputStream() {
            @Override
            public int read() throws IOException {
                return in.read();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return in.read(b, off, len);
            }

            @Override
            public boolean isFinished() {
                return false;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new UnsupportedOperationException();
            }
        };
    }
}
