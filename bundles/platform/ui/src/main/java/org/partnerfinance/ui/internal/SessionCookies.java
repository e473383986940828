package org.partnerfinance.ui.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Flags on the cookies the portal sets (the session cookie): {@code HttpOnly}, {@code SameSite=Lax} and, when the
 * client talks HTTPS (directly or to a trusted proxy), {@code Secure}. Felix HTTP configures HttpOnly and Secure for
 * direct HTTPS but offers no SameSite setting, and the servlet container adds the session cookie to the response
 * itself, so the flags are completed on the response's {@code Set-Cookie} headers before it is committed.
 */
final class SessionCookies {

    private SessionCookies() {
    }

    /** Completes the flags of every {@code Set-Cookie} header of a response that is not committed yet. */
    static void complete(HttpServletResponse response, boolean secure) {
        if (response.isCommitted()) {
            return;
        }
        List<String> cookies = new ArrayList<>(response.getHeaders("Set-Cookie"));
        if (cookies.isEmpty()) {
            return;
        }
        List<String> completed = new ArrayList<>(cookies.size());
        boolean changed = false;
        for (String cookie : cookies) {
            String flagged = withFlags(cookie, secure);
            changed |= !flagged.equals(cookie);
            completed.add(flagged);
        }
        if (!changed) {
            return;
        }
        response.setHeader("Set-Cookie", completed.get(0));
        for (int i = 1; i < completed.size(); i++) {
            response.addHeader("Set-Cookie", completed.get(i));
        }
    }

    /** One {@code Set-Cookie} value with the missing flags appended. */
    static String withFlags(String cookie, boolean secure) {
        String lower = cookie.toLowerCase(Locale.ROOT);
        StringBuilder result = new StringBuilder(cookie);
        if (!hasAttribute(lower, "httponly")) {
            result.append("; HttpOnly");
        }
        if (!hasAttribute(lower, "samesite")) {
            result.append("; SameSite=Lax");
        }
        if (secure && !hasAttribute(lower, "secure")) {
            result.append("; Secure");
        }
        return result.toString();
    }

    private static boolean hasAttribute(String lowerCookie, String name) {
        String[] parts = lowerCookie.split(";");
        for (int i = 1; i < parts.length; i++) { // parts[0] is name=value
            String attribute = parts[i].strip();
            int eq = attribute.indexOf('=');
            if ((eq < 0 ? attribute : attribute.substring(0, eq).strip()).equals(name)) {
                return true;
            }
        }
        return false;
    }
}
