package org.partnerfinance.security.api;

import java.time.Duration;
import java.util.Optional;

/**
 * Outcome of a login attempt. A failed attempt never says whether the user name exists; a throttled one says how long
 * to wait.
 */
public record LoginResult(Optional<Caller> caller, Duration retryAfter, String message) {

    public static LoginResult success(Caller caller) {
        return new LoginResult(Optional.of(caller), Duration.ZERO, null);
    }

    public static LoginResult failure(String message) {
        return new LoginResult(Optional.empty(), Duration.ZERO, message);
    }

    public static LoginResult throttled(Duration retryAfter) {
        return new LoginResult(Optional.empty(), retryAfter,
                "Too many failed sign-ins. Try again in " + Math.max(1, retryAfter.toSeconds()) + " seconds.");
    }

    public boolean succeeded() {
        return caller.isPresent();
    }
}
