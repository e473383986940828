package org.partnerfinance.security.api;

import java.util.Objects;

/**
 * A token just created: the only moment its secret exists outside the client. The directory keeps only a SHA-256
 * hash of it; show the secret once, never log or store it.
 *
 * @param token  the stored token's description
 * @param secret the bearer secret, e.g. {@code pf_…}
 */
public record CreatedApiToken(ApiToken token, String secret) {

    public CreatedApiToken {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(secret, "secret");
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "CreatedApiToken[" + token + "]";
    }
}
