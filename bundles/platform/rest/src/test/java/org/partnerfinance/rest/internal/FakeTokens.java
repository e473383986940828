package org.partnerfinance.rest.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.partnerfinance.security.api.ApiToken;
import org.partnerfinance.security.api.ApiTokens;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.CreatedApiToken;
import org.partnerfinance.security.api.TokenAuthentication;

/** Tokens by secret; records what was asked for authentication. */
final class FakeTokens implements ApiTokens {

    final Map<String, TokenAuthentication> answers = new HashMap<>();
    final List<String> asked = new ArrayList<>();

    FakeTokens with(String secret, Caller caller) {
        answers.put(secret, TokenAuthentication.success(caller));
        return this;
    }

    FakeTokens throttled(String secret) {
        answers.put(secret, TokenAuthentication.throttled(Duration.ofSeconds(42)));
        return this;
    }

    FakeTokens passwordChange(String secret) {
        answers.put(secret, TokenAuthentication.passwordChangeRequired());
        return this;
    }

    @Override
    public TokenAuthentication authenticate(String secret, String sourceAddress) {
        asked.add(secret + "@" + sourceAddress);
        return answers.getOrDefault(secret, TokenAuthentication.invalid());
    }

    @Override
    public CreatedApiToken create(Caller caller, String name, Instant expiresAt) {
        throw new UnsupportedOperationException();
    }

    @Override
    public CreatedApiToken createFor(Caller caller, String username, String name, Instant expiresAt) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<ApiToken> listOwn(Caller caller) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<ApiToken> listFor(Caller caller, String username) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<ApiToken> revoke(Caller caller, String tokenId) {
        throw new UnsupportedOperationException();
    }
}
