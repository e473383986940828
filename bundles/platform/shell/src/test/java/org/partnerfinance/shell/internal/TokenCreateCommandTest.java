package org.partnerfinance.shell.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import org.junit.Test;
import org.partnerfinance.security.api.Access;
import org.partnerfinance.security.api.AccessDeniedException;
import org.partnerfinance.security.api.ApiToken;
import org.partnerfinance.security.api.ApiTokens;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.CreatedApiToken;
import org.partnerfinance.security.api.Role;
import org.partnerfinance.security.api.TokenAuthentication;

public class TokenCreateCommandTest {

    private static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final ApiToken TOKEN = new ApiToken("0a1b2c", "erp", "ERP export", "pf_AbCdEf", NOW, "shell:karaf",
            null, null, null);

    /** Records what the command asks for; only administrators create tokens for others, as in the real store. */
    private static final class RecordingTokens implements ApiTokens {
        final List<String> calls = new ArrayList<>();

        @Override
        public CreatedApiToken createFor(Caller caller, String username, String name, Instant expiresAt) {
            Access.requireAnyRole(caller, Role.ADMINISTRATOR);
            calls.add(caller.username() + " " + username + " " + name + " " + expiresAt);
            return new CreatedApiToken(new ApiToken("0a1b2c", username, name, "pf_AbCdEf", NOW, caller.username(),
                    null, expiresAt, null), "pf_AbCdEfSECRET");
        }

        @Override
        public CreatedApiToken create(Caller caller, String name, Instant expiresAt) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<ApiToken> listOwn(Caller caller) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<ApiToken> listFor(Caller caller, String username) {
            Access.requireAnyRole(caller, Role.ADMINISTRATOR);
            return username.equals("erp") ? List.of(TOKEN) : List.of();
        }

        @Override
        public Optional<ApiToken> revoke(Caller caller, String tokenId) {
            Access.requireAnyRole(caller, Role.ADMINISTRATOR);
            calls.add("revoke " + tokenId);
            return tokenId.equals(TOKEN.id()) ? Optional.of(TOKEN) : Optional.empty();
        }

        @Override
        public TokenAuthentication authenticate(String secret, String sourceAddress) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    public void printsTheSecretOnceWithHowToUseIt() {
        RecordingTokens tokens = new RecordingTokens();
        TokenCommands.create(tokens, OperatorCaller.forUser("karaf"), "erp", "ERP export", 30, out, clock);
        assertEquals(List.of("shell:karaf erp ERP export 2026-04-01T08:00:00Z"), tokens.calls);
        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(printed, printed.contains("Token: pf_AbCdEfSECRET"));
        assertTrue(printed, printed.contains("Authorization: Bearer pf_AbCdEfSECRET"));
        assertTrue(printed, printed.contains("/api/v1/me"));
        assertTrue(printed, printed.contains("shown only now"));
    }

    @Test
    public void nameAndExpiryAreOptional() {
        RecordingTokens tokens = new RecordingTokens();
        TokenCommands.create(tokens, OperatorCaller.forUser("karaf"), "erp", null, null, out, clock);
        assertEquals(List.of("shell:karaf erp " + TokenCommands.DEFAULT_NAME + " null"), tokens.calls);
        assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("does not expire"));
    }

    @Test
    public void refusesNonPositiveDaysAndNonAdministrators() {
        RecordingTokens tokens = new RecordingTokens();
        try {
            TokenCommands.create(tokens, OperatorCaller.forUser("karaf"), "erp", "x", 0, out, clock);
            fail("0 days");
        } catch (IllegalArgumentException expected) {
            assertTrue(expected.getMessage().contains("--days"));
        }
        try {
            TokenCommands.create(tokens, new Caller("pu", null, EnumSet.of(Role.PARTNER_USER), "p1"), "erp", "x",
                    null, out, clock);
            fail("not an administrator");
        } catch (AccessDeniedException expected) {
            // refused by the store
        }
        assertTrue(tokens.calls.isEmpty());
    }

    @Test
    public void listsWithoutSecretsAndRevokesById() {
        RecordingTokens tokens = new RecordingTokens();
        TokenCommands.list(tokens, OperatorCaller.forUser("karaf"), "erp", out);
        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(printed, printed.contains("0a1b2c") && printed.contains("pf_AbCdEf…") && printed.contains("ERP export"));
        TokenCommands.list(tokens, OperatorCaller.forUser("karaf"), "nobody", out);
        assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("'nobody' has no API tokens."));
        TokenCommands.revoke(tokens, OperatorCaller.forUser("karaf"), "0a1b2c", out);
        assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("of user 'erp' is revoked"));
        try {
            TokenCommands.revoke(tokens, OperatorCaller.forUser("karaf"), "ffff", out);
            fail("unknown id");
        } catch (IllegalArgumentException expected) {
            assertTrue(expected.getMessage().contains("ffff"));
        }
        assertEquals(List.of("revoke 0a1b2c", "revoke ffff"), tokens.calls);
    }
}
