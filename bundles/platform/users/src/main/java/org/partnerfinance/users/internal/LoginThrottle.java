package org.partnerfinance.users.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Throttles sign-ins per user name. After {@code maxFailures} consecutive failures further attempts are refused for
 * {@code initialDelay}, doubled by every further failure up to {@code maxDelay}. Failures are consecutive while each
 * follows the previous one (or the end of the refusal period) within {@code window}. A success clears the name.
 * State is kept in memory per instance: it protects against guessing, not against a restart.
 */
final class LoginThrottle {

    /** Above this many tracked names, expired entries are pruned (guessing random names must not grow memory). */
    private static final int PRUNE_THRESHOLD = 10_000;

    private final Clock clock;
    private final int maxFailures;
    private final Duration window;
    private final Duration initialDelay;
    private final Duration maxDelay;
    private final ConcurrentMap<String, State> states = new ConcurrentHashMap<>();

    LoginThrottle(Clock clock, int maxFailures, Duration window, Duration initialDelay, Duration maxDelay) {
        if (maxFailures < 1 || window.isNegative() || window.isZero() || initialDelay.isNegative()
                || maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("Invalid login throttling settings");
        }
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.window = window;
        this.initialDelay = initialDelay;
        this.maxDelay = maxDelay;
    }

    /** How long sign-ins of this name are still refused; zero if they are allowed. */
    Duration retryAfter(String username) {
        State s = states.get(username);
        if (s == null) {
            return Duration.ZERO;
        }
        Instant now = clock.instant();
        synchronized (s) {
            if (s.lockedUntil != null && now.isBefore(s.lockedUntil)) {
                return Duration.between(now, s.lockedUntil);
            }
        }
        return Duration.ZERO;
    }

    /**
     * Records a failed sign-in; returns the refusal period it starts (zero while the name is below the limit).
     */
    Duration failure(String username) {
        Instant now = clock.instant();
        if (states.size() > PRUNE_THRESHOLD) {
            states.entrySet().removeIf(e -> {
                synchronized (e.getValue()) {
                    return e.getValue().expired(now, window);
                }
            });
        }
        State s = states.computeIfAbsent(username, k -> new State());
        synchronized (s) {
            if (s.expired(now, window)) {
                s.failures = 0;
                s.lockedUntil = null;
            }
            s.failures++;
            s.lastFailure = now;
            if (s.failures < maxFailures) {
                return Duration.ZERO;
            }
            Duration delay = delayFor(s.failures - maxFailures);
            s.lockedUntil = now.plus(delay);
            return delay;
        }
    }

    /** A successful sign-in clears the name's failures. */
    void success(String username) {
        states.remove(username);
    }

    int trackedNames() {
        return states.size();
    }

    private Duration delayFor(int extraFailures) {
        Duration d = initialDelay;
        for (int i = 0; i < extraFailures && d.compareTo(maxDelay) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(maxDelay) > 0 ? maxDelay : d;
    }

    private static final class State {
        int failures;
        Instant lastFailure;
        Instant lockedUntil;

        /** Whether the failure series is over: nothing happened within the window after the last event. */
        boolean expired(Instant now, Duration window) {
            Instant last = lastFailure;
            if (lockedUntil != null && (last == null || lockedUntil.isAfter(last))) {
                last = lockedUntil;
            }
            return last == null || !now.isBefore(last.plus(window));
        }
    }
}
