package org.partnerfinance.security.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Personal API tokens: a user creates bearer tokens for the REST API that act as that user, with the same roles and
 * the same authorization as the user in the UI. The secret (256 random bits behind the prefix {@value #PREFIX}) is
 * shown once at creation; the directory keeps only its SHA-256 hash and a short visible prefix. Creating and revoking
 * are audited ({@code token.created}, {@code token.revoked}; never the secret).
 *
 * <p>Users manage their own tokens; administrators may also create tokens for another user (e.g. a technical user of
 * an integration, from the console) and revoke anyone's. A caller who must choose a new password can do neither, and
 * that user's tokens authenticate nothing until the password is changed.
 */
@ProviderType
public interface ApiTokens {

    /** What every secret starts with, so that secret scanners and people recognise a portal token. */
    String PREFIX = "pf_";

    /**
     * Creates a token for the caller.
     *
     * @param name      what the token is for (1–100 characters)
     * @param expiresAt when it stops working; {@code null} for a token that does not expire; must lie in the future
     * @throws AccessDeniedException    if the caller may not act (not signed in, must change the password)
     * @throws IllegalArgumentException for a blank or too long name, an expiry in the past or too many tokens
     */
    CreatedApiToken create(Caller caller, String name, Instant expiresAt);

    /**
     * Creates a token for another user (administrators).
     *
     * @throws AccessDeniedException    if the caller is not an administrator
     * @throws IllegalArgumentException for an unknown or disabled user, or as {@link #create}
     */
    CreatedApiToken createFor(Caller caller, String username, String name, Instant expiresAt);

    /** The caller's own tokens that are not revoked (expired ones included), newest first. */
    List<ApiToken> listOwn(Caller caller);

    /**
     * A user's tokens that are not revoked, newest first (administrators, e.g. to revoke a token of someone who left).
     *
     * @throws AccessDeniedException if the caller is not an administrator
     */
    List<ApiToken> listFor(Caller caller, String username);

    /**
     * Revokes a token: the caller's own, or anyone's for administrators. Revoking a revoked token changes nothing.
     *
     * @return the token as it is now; empty if there is no such token or it belongs to someone else and the caller is
     *         not an administrator (the same answer, so ids of other users' tokens cannot be probed)
     */
    Optional<ApiToken> revoke(Caller caller, String tokenId);

    /**
     * Authenticates a bearer secret. Failures are counted per source address; after too many, attempts from the
     * address are refused for a while without checking the token ({@link TokenAuthentication.Status#THROTTLED}),
     * in the database, so that it holds across restarts and nodes.
     *
     * @param secret        the bearer secret as received (may be {@code null} or malformed)
     * @param sourceAddress the client's address; {@code null} or blank counts as one shared "unknown" address
     */
    TokenAuthentication authenticate(String secret, String sourceAddress);
}
