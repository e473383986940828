package org.partnerfinance.users.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.partnerfinance.audit.api.AuditEvent;
import org.partnerfinance.audit.api.AuditTrail;
import org.partnerfinance.persistence.api.ConcurrentChangeException;
import org.partnerfinance.persistence.api.Jpa;
import org.partnerfinance.persistence.api.UnitOfWork;
import org.partnerfinance.security.api.Access;
import org.partnerfinance.security.api.AccessDeniedException;
import org.partnerfinance.security.api.ApiToken;
import org.partnerfinance.security.api.ApiTokens;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.CreatedApiToken;
import org.partnerfinance.security.api.Role;
import org.partnerfinance.security.api.TokenAuthentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * API tokens over the {@code security} unit. A secret is {@code pf_} followed by 256 random bits in base64url (43
 * characters); the row keeps its SHA-256 and the first {@value #VISIBLE} characters. A slow KDF is not needed here:
 * unlike a password the secret has full entropy, so its plain SHA-256 cannot be reversed by guessing, and a fast hash
 * lets every request be authenticated by one indexed lookup.
 */
final class ApiTokenStore implements ApiTokens {

    static final String ENTITY = "api-token";
    /** Characters of the secret kept visible (prefix included). */
    static final int VISIBLE = 9;
    static final int MAX_NAME = 100;
    /** Tokens a user may hold at once (not revoked): enough for every integration, bounded against runaway scripts. */
    static final int MAX_ACTIVE = 50;
    /** Last-use times are written at most this often per token, so that busy clients do not write on every request. */
    static final Duration LAST_USE_GRANULARITY = Duration.ofMinutes(1);

    private static final int SECRET_BYTES = 32;
    /** Longest bearer value looked at; anything longer is not a token of ours. */
    private static final int MAX_SECRET = 100;
    private static final int MAX_ADDRESS = 100;
    private static final int THROTTLE_RETRIES = 5;
    private static final Logger LOG = LoggerFactory.getLogger(ApiTokenStore.class);

    private final Jpa jpa;
    private final UnitOfWork unitOfWork;
    private final AuditTrail audit;
    private final LoginThrottle throttle;
    private final LoginThrottle.Rule addressRule;
    private final SecureRandom random;
    private final Clock clock;

    ApiTokenStore(Jpa jpa, UnitOfWork unitOfWork, AuditTrail audit, LoginThrottle.Rule addressRule,
            SecureRandom random, Clock clock) {
        this.jpa = jpa;
        this.unitOfWork = unitOfWork;
        this.audit = audit;
        this.throttle = new LoginThrottle(jpa, clock);
        this.addressRule = addressRule;
        this.random = random;
        this.clock = clock;
    }

    /** Throttling key of token failures from an address: its own series, apart from password sign-ins. */
    static String addressKey(String address) {
        return LoginThrottle.addressKey(address).replaceFirst("^a:", "k:");
    }

    // ---------------------------------------------------------------------------------------------- creation

    @Override
    public CreatedApiToken create(Caller caller, String name, Instant expiresAt) {
        Access.requireCaller(caller);
        return insert(caller, caller.username(), name, expiresAt);
    }

    @Override
    public CreatedApiToken createFor(Caller caller, String username, String name, Instant expiresAt) {
        Access.requireAnyRole(caller, Role.ADMINISTRATOR);
        String owner = UserRules.normalize(username);
        return insert(caller, owner, name, expiresAt);
    }

    private CreatedApiToken insert(Caller caller, String owner, String name, Instant expiresAt) {
        String label = name == null ? "" : name.strip();
        if (label.isEmpty()) {
            throw new IllegalArgumentException("Give the token a name, e.g. what it is used for.");
        }
        if (label.length() > MAX_NAME) {
            throw new IllegalArgumentException("A token name has at most " + MAX_NAME + " characters.");
        }
        if (label.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("A token name cannot contain control characters.");
        }
        Instant now = clock.instant();
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw new IllegalArgumentException("The expiry date must lie in the future.");
        }
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        byte[] idBytes = new byte[10];
        random.nextBytes(idBytes);
        String id = HexFormat.of().formatHex(idBytes);
        ApiTokenEntity entity = new ApiTokenEntity(id, owner, label, secret.substring(0, VISIBLE), sha256(secret),
                UtcText.format(now), caller.username(), UtcText.format(expiresAt));
        unitOfWork.required(() -> {
            jpa.tx(em -> {
                UserEntity user = em.find(UserEntity.class, owner);
                if (user == null || !user.enabled()) {
                    throw new IllegalArgumentException("There is no enabled user '" + owner + "'.");
                }
                long active = em.createQuery("SELECT COUNT(t) FROM ApiTokenEntity t WHERE t.username = :user "
                        + "AND t.revokedAt IS NULL", Long.class).setParameter("user", owner).getSingleResult();
                if (active >= MAX_ACTIVE) {
                    throw new IllegalArgumentException("'" + owner + "' already has " + MAX_ACTIVE
                            + " API tokens. Revoke tokens that are no longer used first.");
                }
                em.persist(entity);
                return null;
            });
            audit.append(new AuditEvent(caller.username(), "token.created", ENTITY, id, "", describe(entity)));
            return null;
        });
        LOG.info("API token {} ({}) created for '{}' by '{}'", id, entity.prefix(), owner, caller.username());
        return new CreatedApiToken(toToken(entity), secret);
    }

    // ---------------------------------------------------------------------------------------------- reading

    @Override
    public List<ApiToken> listOwn(Caller caller) {
        Access.requireCaller(caller);
        return unrevoked(caller.username());
    }

    @Override
    public List<ApiToken> listFor(Caller caller, String username) {
        Access.requireAnyRole(caller, Role.ADMINISTRATOR);
        return unrevoked(UserRules.normalize(username));
    }

    private List<ApiToken> unrevoked(String username) {
        return jpa.tx(em -> em.createQuery("SELECT t FROM ApiTokenEntity t WHERE t.username = :user "
                + "AND t.revokedAt IS NULL ORDER BY t.createdAt DESC, t.tokenId", ApiTokenEntity.class)
                .setParameter("user", username).getResultList())
                .stream().map(ApiTokenStore::toToken).collect(Collectors.toList());
    }

    // ---------------------------------------------------------------------------------------------- revoking

    @Override
    public Optional<ApiToken> revoke(Caller caller, String tokenId) {
        Access.requireCaller(caller);
        if (tokenId == null || tokenId.isBlank() || tokenId.length() > 32) {
            return Optional.empty();
        }
        String id = tokenId.trim();
        boolean administrator = caller.has(Role.ADMINISTRATOR);
        String now = UtcText.format(clock.instant());
        Optional<ApiToken> result = unitOfWork.required(() -> {
            ApiTokenEntity[] changed = new ApiTokenEntity[1];
            ApiTokenEntity found = jpa.tx(em -> {
                ApiTokenEntity t = em.find(ApiTokenEntity.class, id);
                if (t == null || !(administrator || t.username().equals(caller.username()))) {
                    return null;
                }
                if (t.revokedAt() == null) {
                    t.revoke(now, caller.username());
                    changed[0] = t;
                }
                return t;
            });
            if (changed[0] != null) {
                audit.append(new AuditEvent(caller.username(), "token.revoked", ENTITY, id, describe(found),
                        "revokedAt=" + now));
            }
            return Optional.ofNullable(found).map(ApiTokenStore::toToken);
        });
        result.ifPresent(t -> LOG.info("API token {} ({}) of '{}' revoked by '{}'", t.id(), t.prefix(), t.username(),
                caller.username()));
        return result;
    }

    // ---------------------------------------------------------------------------------------------- authentication

    @Override
    public TokenAuthentication authenticate(String secret, String sourceAddress) {
        String address = sourceAddress == null || sourceAddress.isBlank() ? "unknown"
                : truncate(sourceAddress.trim(), MAX_ADDRESS);
        String key = addressKey(address);
        Duration wait = throttle.retryAfter(key);
        if (!wait.isZero()) {
            LOG.info("API token from {} refused: throttled for {}", address, wait);
            return TokenAuthentication.throttled(wait);
        }
        if (!wellFormed(secret)) {
            return failed(key, address, "malformed");
        }
        String hash = sha256(secret);
        Instant now = clock.instant();
        Optional<ApiTokenEntity> token = jpa.tx(em -> em.createQuery(
                "SELECT t FROM ApiTokenEntity t WHERE t.secretHash = :hash", ApiTokenEntity.class)
                .setParameter("hash", hash).getResultList().stream().findFirst());
        if (token.isEmpty()) {
            return failed(key, address, "unknown");
        }
        ApiTokenEntity t = token.get();
        // the hash matched, but compare the whole digest again in constant time in case the database compares
        // case-insensitively or trims
        if (!MessageDigest.isEqual(hash.getBytes(StandardCharsets.US_ASCII),
                t.secretHash().getBytes(StandardCharsets.US_ASCII))) {
            return failed(key, address, "unknown");
        }
        if (t.revokedAt() != null) {
            return failed(key, address, "revoked");
        }
        Instant expires = UtcText.parse(t.expiresAt());
        if (expires != null && !now.isBefore(expires)) {
            return failed(key, address, "expired");
        }
        Optional<UserEntity> user = jpa.tx(em -> Optional.ofNullable(em.find(UserEntity.class, t.username())));
        if (user.isEmpty() || !user.get().enabled()) {
            return failed(key, address, "user-disabled");
        }
        if (user.get().passwordChangeRequired()) {
            LOG.info("API token {} of '{}' refused: the user must choose a new password first", t.tokenId(),
                    t.username());
            return TokenAuthentication.passwordChangeRequired();
        }
        recordUse(t, now);
        return TokenAuthentication.success(UserDirectoryImpl.toCaller(user.get()));
    }

    private static boolean wellFormed(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > MAX_SECRET) {
            return false;
        }
        for (int i = PREFIX.length(); i < secret.length(); i++) {
            char c = secret.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    /** Notes the use, at most once per {@link #LAST_USE_GRANULARITY}; a concurrent note by another request wins. */
    private void recordUse(ApiTokenEntity token, Instant now) {
        Instant last = UtcText.parse(token.lastUsedAt());
        if (last != null && now.isBefore(last.plus(LAST_USE_GRANULARITY))) {
            return;
        }
        try {
            jpa.tx(em -> {
                ApiTokenEntity t = em.find(ApiTokenEntity.class, token.tokenId());
                if (t != null) {
                    t.used(UtcText.format(now));
                }
                return null;
            });
        } catch (ConcurrentChangeException e) {
            LOG.debug("Last use of API token {} noted by another request", token.tokenId());
        }
    }

    /** Counts the failure against the address; audits only the start of a refusal period (a flood would flood it). */
    private TokenAuthentication failed(String key, String address, String reason) {
        for (int attempt = 1;; attempt++) {
            try {
                Duration refused = unitOfWork.required(() -> {
                    Duration d = throttle.failure(key, addressRule);
                    if (!d.isZero()) {
                        audit.append(new AuditEvent("anonymous", "token.throttled", ENTITY, "-", "",
                                "source=" + address + ", seconds=" + d.toSeconds()));
                    }
                    return d;
                });
                LOG.info("API token from {} refused ({})", address, reason);
                return refused.isZero() ? TokenAuthentication.invalid() : TokenAuthentication.throttled(refused);
            } catch (RuntimeException e) {
                // another request from the same address updated the throttling row at the same moment
                if (attempt >= THROTTLE_RETRIES) {
                    throw e;
                }
                LOG.debug("Recording a failed API token from {} collided; retrying", address, e);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------- helpers

    static String sha256(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    private static String describe(ApiTokenEntity t) {
        return "user=" + t.username() + ", name=" + t.name() + ", prefix=" + t.prefix()
                + (t.expiresAt() == null ? "" : ", expiresAt=" + t.expiresAt());
    }

    private static ApiToken toToken(ApiTokenEntity t) {
        return new ApiToken(t.tokenId(), t.username(), t.name(), t.prefix(), UtcText.parse(t.createdAt()),
                t.createdBy(), UtcText.parse(t.lastUsedAt()), UtcText.parse(t.expiresAt()),
                UtcText.parse(t.revokedAt()));
    }

    private static String truncate(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }

}
