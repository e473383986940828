package org.partnerfinance.security.api;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Outcome of a sign-in attempt. A failed attempt never says whether the user name exists; a throttled one says how
 * long to wait; a busy one means the portal did not check the password at all (too many sign-ins at this moment).
 *
 * @param status     what happened
 * @param caller     the signed-in caller, present only for {@link Status#SIGNED_IN}; a caller who signed in with a
 *                   one-time password has {@link Caller#mustChangePassword()} set
 * @param retryAfter for {@link Status#THROTTLED}: how long further attempts are refused; zero otherwise
 * @param message    text to show to the person signing in; {@code null} on success
 */
public record LoginResult(Status status, Optional<Caller> caller, Duration retryAfter, String message) {

    /** Text of a {@link Status#BUSY} result. */
    public static final String BUSY_MESSAGE = "The portal is busy, try again in a moment.";

    /** The kinds of outcome. */
    public enum Status {
        /** The password matched an enabled account. */
        SIGNED_IN,
        /** Wrong user name or password, a disabled account or an expired one-time password. */
        FAILED,
        /** Too many failures for this user name or from this address: the password was not checked. */
        THROTTLED,
        /** Too many sign-ins are being checked at this moment: the password was not checked. */
        BUSY
    }

    public LoginResult {
        Objects.requireNonNull(status, "status");
        caller = caller == null ? Optional.empty() : caller;
        retryAfter = retryAfter == null ? Duration.ZERO : retryAfter;
        if ((status == Status.SIGNED_IN) != caller.isPresent()) {
            throw new IllegalArgumentException("Only a successful sign-in carries a caller");
        }
    }

    public static LoginResult success(Caller caller) {
        return new LoginResult(Status.SIGNED_IN, Optional.of(caller), Duration.ZERO, null);
    }

    public static LoginResult failure(String message) {
        return new LoginResult(Status.FAILED, Optional.empty(), Duration.ZERO, message);
    }

    public static LoginResult throttled(Duration retryAfter) {
        return new LoginResult(Status.THROTTLED, Optional.empty(), retryAfter,
                "Too many failed sign-ins. Try again in " + Math.max(1, retryAfter.toSeconds()) + " seconds.");
    }

    public static LoginResult busy() {
        return new LoginResult(Status.BUSY, Optional.empty(), Duration.ZERO, BUSY_MESSAGE);
    }

    public boolean succeeded() {
        return status == Status.SIGNED_IN;
    }
}
