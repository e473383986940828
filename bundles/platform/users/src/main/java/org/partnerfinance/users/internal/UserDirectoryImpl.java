package org.partnerfinance.users.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.partnerfinance.persistence.api.ConcurrentChangeException;
import org.partnerfinance.persistence.api.Jpa;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.LoginResult;
import org.partnerfinance.security.api.Role;
import org.partnerfinance.security.api.UserAccount;
import org.partnerfinance.security.api.UserDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The user directory over the {@code security} persistence unit. */
final class UserDirectoryImpl implements UserDirectory {

    static final String WRONG_CREDENTIALS = "Wrong user name or password.";
    static final String DISABLED = "This account is disabled. Please contact your administrator.";

    private static final Logger LOG = LoggerFactory.getLogger(UserDirectoryImpl.class);

    private final Jpa jpa;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final Clock clock;
    private final int minPasswordLength;
    /** Hash of a random secret, checked for unknown user names so that they take as long as known ones. */
    private final String dummyHash;

    UserDirectoryImpl(Jpa jpa, PasswordHasher hasher, LoginThrottle throttle, Clock clock, int minPasswordLength) {
        if (minPasswordLength < 1) {
            throw new IllegalArgumentException("password.min.length must be at least 1");
        }
        this.jpa = jpa;
        this.hasher = hasher;
        this.throttle = throttle;
        this.clock = clock;
        this.minPasswordLength = minPasswordLength;
        char[] secret = new char[24];
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < secret.length; i++) {
            secret[i] = (char) ('a' + random.nextInt(26));
        }
        this.dummyHash = hasher.hash(secret);
    }

    @Override
    public LoginResult login(String username, char[] password) {
        String name = UserRules.normalize(username);
        if (name.isEmpty() || password == null) {
            hasher.verify(new char[0], dummyHash);
            return LoginResult.failure(WRONG_CREDENTIALS);
        }
        Duration wait = throttle.retryAfter(name);
        if (!wait.isZero()) {
            return LoginResult.throttled(wait);
        }
        Optional<UserEntity> user = jpa.tx(em -> Optional.ofNullable(em.find(UserEntity.class, name)));
        boolean matches = hasher.verify(password, user.map(UserEntity::passwordHash).orElse(dummyHash))
                && user.isPresent();
        if (!matches) {
            Duration refused = throttle.failure(name);
            LOG.info("Failed sign-in for user name '{}'", name);
            return refused.isZero() ? LoginResult.failure(WRONG_CREDENTIALS) : LoginResult.throttled(refused);
        }
        UserEntity u = user.get();
        if (!u.enabled()) {
            LOG.info("Sign-in refused for disabled user '{}'", name);
            return LoginResult.failure(DISABLED);
        }
        throttle.success(name);
        if (hasher.needsRehash(u.passwordHash())) {
            rehash(name, password);
        }
        return LoginResult.success(toCaller(u));
    }

    @Override
    public Optional<Caller> find(String username) {
        String name = UserRules.normalize(username);
        if (name.isEmpty()) {
            return Optional.empty();
        }
        return jpa.tx(em -> Optional.ofNullable(em.find(UserEntity.class, name)))
                .filter(UserEntity::enabled)
                .map(UserDirectoryImpl::toCaller);
    }

    @Override
    public UserAccount create(Caller caller, String username, String displayName, char[] password, Set<Role> roles,
            String partnerId) {
        String partner = partnerId == null || partnerId.isBlank() ? null : partnerId.trim();
        UserRules.checkCreate(caller, username, password, roles, partner, minPasswordLength);
        String display = UserRules.displayName(displayName, username);
        String hash = hasher.hash(password);
        UserEntity entity = new UserEntity(username, display, hash, UserRules.encodeRoles(roles), partner, true,
                LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
        jpa.tx(em -> {
            if (em.find(UserEntity.class, username) != null) {
                throw new IllegalArgumentException("The user name '" + username + "' is already taken.");
            }
            em.persist(entity);
            return null;
        });
        LOG.info("User '{}' created by '{}' with roles {}", username, caller.username(), entity.roles());
        return toAccount(entity);
    }

    @Override
    public List<UserAccount> list(Caller caller) {
        UserRules.requireMayManageUsers(caller);
        List<UserEntity> users;
        if (caller.has(Role.ADMINISTRATOR)) {
            users = jpa.tx(em -> em.createQuery("SELECT u FROM UserEntity u ORDER BY u.username", UserEntity.class)
                    .getResultList());
        } else {
            users = jpa.tx(em -> em.createQuery(
                    "SELECT u FROM UserEntity u WHERE u.partnerId = :partner ORDER BY u.username", UserEntity.class)
                    .setParameter("partner", caller.partnerId())
                    .getResultList());
        }
        return users.stream().map(UserDirectoryImpl::toAccount).collect(Collectors.toList());
    }

    @Override
    public boolean exists(String username) {
        String name = UserRules.normalize(username);
        return !name.isEmpty() && jpa.tx(em -> em.find(UserEntity.class, name) != null);
    }

    /** Enables or disables a user (administration and tests). */
    void setEnabled(String username, boolean enabled) {
        jpa.tx(em -> {
            UserEntity u = em.find(UserEntity.class, username);
            if (u == null) {
                throw new IllegalArgumentException("No user '" + username + "'.");
            }
            u.enabled(enabled);
            return null;
        });
    }

    /** The stored hash (tests). */
    String storedHash(String username) {
        return jpa.tx(em -> em.find(UserEntity.class, username).passwordHash());
    }

    private void rehash(String name, char[] password) {
        String hash = hasher.hash(password);
        try {
            jpa.tx(em -> {
                UserEntity u = em.find(UserEntity.class, name);
                if (u != null) {
                    u.passwordHash(hash);
                }
                return null;
            });
        } catch (ConcurrentChangeException e) {
            LOG.debug("Password hash of '{}' not upgraded: the user changed meanwhile", name);
        }
    }

    static Caller toCaller(UserEntity u) {
        return new Caller(u.username(), u.displayName(), UserRules.decodeRoles(u.roles()), u.partnerId());
    }

    static UserAccount toAccount(UserEntity u) {
        return new UserAccount(u.username(), u.displayName(), UserRules.decodeRoles(u.roles()), u.partnerId(),
                u.enabled());
    }
}
