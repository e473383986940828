package org.partnerfinance.shell.internal;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.partnerfinance.security.api.ApiToken;
import org.partnerfinance.security.api.ApiTokens;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.CreatedApiToken;

/** What {@code pf:token-create} does, apart from the shell plumbing. */
final class TokenCommands {

    static final String DEFAULT_NAME = "created at the console";

    private TokenCommands() {
    }

    /**
     * Creates the token and prints it with how to use it.
     *
     * @throws IllegalArgumentException for a non-positive number of days or anything the directory refuses
     */
    static CreatedApiToken create(ApiTokens tokens, Caller operator, String username, String name, Integer days,
            PrintStream out) {
        return create(tokens, operator, username, name, days, out, Clock.systemUTC());
    }

    static CreatedApiToken create(ApiTokens tokens, Caller operator, String username, String name, Integer days,
            PrintStream out, Clock clock) {
        if (days != null && days < 1) {
            throw new IllegalArgumentException("--days must be at least 1.");
        }
        Instant expires = days == null ? null : clock.instant().plus(Duration.ofDays(days));
        String label = name == null || name.isBlank() ? DEFAULT_NAME : name;
        CreatedApiToken created = tokens.createFor(operator, username, label, expires);
        out.println("API token '" + created.token().name() + "' created for user '" + created.token().username()
                + "' (id " + created.token().id() + (expires == null ? ", does not expire" : ", expires " + expires)
                + ").");
        out.println("Token: " + created.secret());
        out.println("It is shown only now; the portal keeps only a hash of it. It acts with the roles of '"
                + created.token().username() + "'.");
        out.println("Use it as: curl -H \"Authorization: Bearer " + created.secret()
                + "\" https://<portal>/api/v1/me");
        out.println("Revoke it in the portal (user menu > API tokens) when it is no longer needed.");
        return created;
    }

    /** Prints a user's tokens that are not revoked, one a line. */
    static List<ApiToken> list(ApiTokens tokens, Caller operator, String username, PrintStream out) {
        List<ApiToken> found = tokens.listFor(operator, username);
        if (found.isEmpty()) {
            out.println("'" + username + "' has no API tokens.");
            return found;
        }
        out.printf("%-20s  %-10s  %-24s  %-24s  %-24s  %s%n", "Id", "Token", "Created", "Last used", "Expires",
                "Name");
        for (ApiToken t : found) {
            out.printf("%-20s  %-10s  %-24s  %-24s  %-24s  %s%n", t.id(), t.prefix() + "…", t.createdAt(),
                    t.lastUsedAt() == null ? "never" : t.lastUsedAt(),
                    t.expiresAt() == null ? "never" : t.expiresAt(), t.name());
        }
        return found;
    }

    /**
     * Revokes a token and says whose it was.
     *
     * @throws IllegalArgumentException when there is no such token
     */
    static ApiToken revoke(ApiTokens tokens, Caller operator, String id, PrintStream out) {
        ApiToken token = tokens.revoke(operator, id)
                .orElseThrow(() -> new IllegalArgumentException("There is no API token with id '" + id + "'."));
        out.println("API token '" + token.name() + "' (" + token.prefix() + "…) of user '" + token.username()
                + "' is revoked: requests with it are refused from now on.");
        return token;
    }
}
