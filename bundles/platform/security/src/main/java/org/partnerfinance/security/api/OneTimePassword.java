package org.partnerfinance.security.api;

import java.time.Instant;
import java.util.Objects;

/**
 * A generated one-time password, handed out once (printed by {@code pf:user-add}, shown once by the Users screen). The
 * directory keeps only its hash; whoever signs in with it must choose a new password before anything else.
 *
 * @param account   the user it belongs to
 * @param password  the password in clear text: show it once, never log or store it
 * @param expiresAt when it stops working if unused; {@code null} if it does not expire
 */
public record OneTimePassword(UserAccount account, String password, Instant expiresAt) {

    public OneTimePassword {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(password, "password");
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "OneTimePassword[" + account.username() + ", expiresAt=" + expiresAt + "]";
    }
}
