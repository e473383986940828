package org.partnerfinance.security.api;

import java.time.Instant;
import java.util.Objects;

/**
 * An API token as its owner and administrators see it: never the secret, only its first characters so that a person
 * can tell their tokens apart.
 *
 * @param id         stable id of the token (used to revoke it); not part of the secret
 * @param username   the user the token acts for
 * @param name       what the owner called it, e.g. {@code ERP export}
 * @param prefix     the first characters of the secret, e.g. {@code pf_3kQ9a}
 * @param createdAt  when it was created
 * @param createdBy  who created it (the owner, or an administrator at the console)
 * @param lastUsedAt when it last authenticated a request (to the minute); {@code null} if never
 * @param expiresAt  when it stops working; {@code null} if it does not expire
 * @param revokedAt  when it was revoked; {@code null} while it is not
 */
public record ApiToken(String id, String username, String name, String prefix, Instant createdAt, String createdBy,
        Instant lastUsedAt, Instant expiresAt, Instant revokedAt) {

    public ApiToken {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** Whether the token authenticates requests at the given moment (not revoked, not expired). */
    public boolean activeAt(Instant now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }
}
