package org.partnerfinance.security.api;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Outcome of authenticating a bearer token. A refusal never says whether the token exists, was revoked or expired:
 * all of those are {@link Status#INVALID} with the same message.
 *
 * @param status     what happened
 * @param caller     the caller the token acts for, present only for {@link Status#AUTHENTICATED}
 * @param retryAfter for {@link Status#THROTTLED}: how long further attempts from the address are refused
 * @param message    text for the client; {@code null} on success
 */
public record TokenAuthentication(Status status, Optional<Caller> caller, Duration retryAfter, String message) {

    /** The answer to a missing, unknown, revoked or expired token, or one of a disabled user. */
    public static final String INVALID_MESSAGE = "A valid API token is required (Authorization: Bearer <token>).";
    /** The answer to a valid token of a user who must choose a new password first. */
    public static final String PASSWORD_CHANGE_MESSAGE = "The user of this token must sign in to the portal and "
            + "choose a new password before the API can be used.";

    /** The kinds of outcome. */
    public enum Status {
        /** The token is valid and its user may act. */
        AUTHENTICATED,
        /** Missing, malformed, unknown, revoked or expired token, or a disabled user. */
        INVALID,
        /** The token is valid but its user must choose a new password before anything else. */
        PASSWORD_CHANGE_REQUIRED,
        /** Too many failed attempts from this source address: the token was not checked. */
        THROTTLED
    }

    public TokenAuthentication {
        Objects.requireNonNull(status, "status");
        caller = caller == null ? Optional.empty() : caller;
        retryAfter = retryAfter == null ? Duration.ZERO : retryAfter;
        if ((status == Status.AUTHENTICATED) != caller.isPresent()) {
            throw new IllegalArgumentException("Only a successful authentication carries a caller");
        }
    }

    public static TokenAuthentication success(Caller caller) {
        return new TokenAuthentication(Status.AUTHENTICATED, Optional.of(caller), Duration.ZERO, null);
    }

    public static TokenAuthentication invalid() {
        return new TokenAuthentication(Status.INVALID, Optional.empty(), Duration.ZERO, INVALID_MESSAGE);
    }

    public static TokenAuthentication passwordChangeRequired() {
        return new TokenAuthentication(Status.PASSWORD_CHANGE_REQUIRED, Optional.empty(), Duration.ZERO,
                PASSWORD_CHANGE_MESSAGE);
    }

    public static TokenAuthentication throttled(Duration retryAfter) {
        return new TokenAuthentication(Status.THROTTLED, Optional.empty(), retryAfter,
                "Too many requests with invalid tokens. Try again in " + Math.max(1, retryAfter.toSeconds())
                        + " seconds.");
    }

    public boolean succeeded() {
        return status == Status.AUTHENTICATED;
    }
}
