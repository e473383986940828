package org.partnerfinance.shell.internal;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

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
}
