package org.partnerfinance.ui.internal;

import java.time.Duration;

/**
 * When a portal session ends: after {@code idle} without user interaction (enforced by the servlet container's
 * session timeout and Vaadin's {@code closeIdleSessions}, which does not count heartbeats and push as interaction),
 * and {@code lifetime} after it began, however busy it is (enforced here, on every request).
 */
record SessionRules(Duration idle, Duration lifetime) {

    SessionRules {
        if (idle.isNegative() || idle.isZero() || lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("Session timeouts must be positive");
        }
    }

    /**
     * The rules of a configuration; values below one minute count as one minute (a typo in etc/ must not take the
     * portal's HTTP protection down with the component).
     */
    static SessionRules of(HttpConfig config) {
        return new SessionRules(Duration.ofMinutes(Math.max(1, config.session_idle_timeout_minutes())),
                Duration.ofMinutes(Math.max(1, config.session_max_lifetime_minutes())));
    }

    /** The servlet session's max inactive interval in seconds. */
    int idleSeconds() {
        return (int) Math.min(Integer.MAX_VALUE, idle.toSeconds());
    }

    /** Whether a session created at {@code createdMillis} has outlived its absolute lifetime at {@code nowMillis}. */
    boolean outlived(long createdMillis, long nowMillis) {
        return nowMillis - createdMillis >= lifetime.toMillis();
    }
}
