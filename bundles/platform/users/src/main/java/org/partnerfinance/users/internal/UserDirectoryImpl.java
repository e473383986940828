package org.partnerfinance.users.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.partnerfinance.audit.api.AuditEvent;
import org.partnerfinance.audit.api.AuditTrail;
import org.partnerfinance.persistence.api.ConcurrentChangeException;
import org.partnerfinance.persistence.api.Jpa;
import org.partnerfinance.persistence.api.UnitOfWork;
import org.partnerfinance.security.api.Access;
import org.partnerfinance.security.api.AccessDeniedException;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.LoginResult;
import org.partnerfinance.security.api.OneTimePassword;
import org.partnerfinance.security.api.PartnerDirectory;
import org.partnerfinance.security.api.Role;
import org.partnerfinance.security.api.UserAccount;
import org.partnerfinance.security.api.UserDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The user directory over the {@code security} persistence unit. Every change and its audit record commit in one unit
 * of work; sign-in throttling lives in the database; password hashing goes through the {@link HashGate}.
 */
final class UserDirectoryImpl implements UserDirectory {

    static final String WRONG_CREDENTIALS = "Wrong user name or password.";
    static final String DISABLED = "This account is disabled. Please contact your administrator.";
    static final String OTP_EXPIRED = "This one-time password has expired. Ask your administrator for a new one.";
    static final String NO_PARTNER_DIRECTORY = "Partner users cannot be created or changed right now: the partner "
            + "directory is not available (is the partner module installed and started?).";
    static final String ENTITY = "user";

    private static final Logger LOG = LoggerFactory.getLogger(UserDirectoryImpl.class);
    /** Room for the source address in an audit record. */
    private static final int MAX_ADDRESS = 100;
    /** Attempts to record a failed sign-in when another node updates the same throttling row at the same moment. */
    private static final int THROTTLE_RETRIES = 5;

    /** Throttling, one-time password and hashing settings. */
    record Settings(LoginThrottle.Rule userRule, LoginThrottle.Rule addressRule, Duration oneTimeValidity) {
        Settings {
            Objects.requireNonNull(userRule);
            Objects.requireNonNull(addressRule);
            if (oneTimeValidity.isNegative()) {
                throw new IllegalArgumentException("The validity of one-time passwords cannot be negative");
            }
        }
    }

    private final Jpa jpa;
    private final UnitOfWork unitOfWork;
    private final AuditTrail audit;
    private final Supplier<Optional<PartnerDirectory>> partners;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final LoginThrottle throttle;
    private final HashGate gate;
    private final Clock clock;
    private final Settings settings;
    /** Hash of a random secret, checked for unknown user names so that they take as long as known ones. */
    private final String dummyHash;

    UserDirectoryImpl(Jpa jpa, UnitOfWork unitOfWork, AuditTrail audit, Supplier<Optional<PartnerDirectory>> partners,
            PasswordHasher hasher, PasswordPolicy policy, HashGate gate, Clock clock, Settings settings) {
        this.jpa = jpa;
        this.unitOfWork = unitOfWork;
        this.audit = audit;
        this.partners = partners;
        this.hasher = hasher;
        this.policy = policy;
        this.throttle = new LoginThrottle(jpa, clock);
        this.gate = gate;
        this.clock = clock;
        this.settings = settings;
        char[] secret = new char[24];
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < secret.length; i++) {
            secret[i] = (char) ('a' + random.nextInt(26));
        }
        this.dummyHash = hasher.hash(secret);
    }

    // ---------------------------------------------------------------------------------------------- sign-in

    @Override
    public LoginResult login(String username, char[] password, String sourceAddress) {
        String name = UserRules.normalize(username);
        String address = sourceAddress == null || sourceAddress.isBlank() ? "unknown" : sourceAddress.trim();
        String userKey = LoginThrottle.userKey(name);
        String addressKey = LoginThrottle.addressKey(address);
        String auditName = name.isEmpty() ? "(empty)" : truncate(name, 64);
        String auditSource = "source=" + truncate(address, MAX_ADDRESS);

        Duration wait = max(name.isEmpty() ? Duration.ZERO : throttle.retryAfter(userKey),
                throttle.retryAfter(addressKey));
        if (!wait.isZero()) {
            // refusals during a refusal period are not audited one by one (a flood would flood the trail): the
            // start of the period is (user.signin-throttled)
            LOG.info("Sign-in of '{}' from {} refused: throttled for {}", name, address, wait);
            return LoginResult.throttled(wait);
        }
        Optional<UserEntity> user = name.isEmpty() ? Optional.empty()
                : jpa.tx(em -> Optional.ofNullable(em.find(UserEntity.class, name)));
        char[] given = password == null ? new char[0] : password;
        // unknown names are checked against a dummy hash: they cost as much as known ones
        Boolean verified = gate.run(() -> hasher.verify(given, user.map(UserEntity::passwordHash).orElse(dummyHash)));
        if (verified == null) {
            LOG.warn("Sign-in of '{}' from {} not checked: too many sign-ins at once", name, address);
            return LoginResult.busy();
        }
        if (!verified || user.isEmpty() || name.isEmpty() || password == null) {
            return failed(name, userKey, addressKey, auditName, auditSource, "wrong-credentials", WRONG_CREDENTIALS);
        }
        UserEntity u = user.get();
        if (!u.enabled()) {
            return failed(name, userKey, addressKey, auditName, auditSource, "disabled", DISABLED);
        }
        Instant expires = UtcText.parse(u.passwordExpiresAt());
        if (u.passwordChangeRequired() && expires != null && !clock.instant().isBefore(expires)) {
            return failed(name, userKey, addressKey, auditName, auditSource, "one-time-password-expired",
                    OTP_EXPIRED);
        }
        unitOfWork.required(() -> {
            throttle.clear(userKey);
            audit.append(new AuditEvent(name, "user.signin", ENTITY, name, "",
                    auditSource + (u.passwordChangeRequired() ? ", one-time-password=true" : "")));
            return null;
        });
        if (hasher.needsRehash(u.passwordHash())) {
            rehash(name, given, u.passwordHash());
        }
        LOG.info("User '{}' signed in from {}", name, address);
        return LoginResult.success(toCaller(u));
    }

    private LoginResult failed(String name, String userKey, String addressKey, String auditName, String auditSource,
            String reason, String message) {
        for (int attempt = 1;; attempt++) {
            try {
                Duration refused = unitOfWork.required(() -> {
                    Duration byUser = name.isEmpty() ? Duration.ZERO : throttle.failure(userKey, settings.userRule());
                    Duration byAddress = throttle.failure(addressKey, settings.addressRule());
                    audit.append(new AuditEvent("anonymous", "user.signin-failed", ENTITY, auditName, "",
                            auditSource + ", reason=" + reason));
                    if (!byUser.isZero()) {
                        audit.append(new AuditEvent("anonymous", "user.signin-throttled", ENTITY, auditName, "",
                                "key=user, " + auditSource + ", seconds=" + byUser.toSeconds()));
                    }
                    if (!byAddress.isZero()) {
                        audit.append(new AuditEvent("anonymous", "user.signin-throttled", ENTITY, auditName, "",
                                "key=address, " + auditSource + ", seconds=" + byAddress.toSeconds()));
                    }
                    return max(byUser, byAddress);
                });
                LOG.info("Failed sign-in for user name '{}' ({}, {})", name, reason, auditSource);
                return refused.isZero() ? LoginResult.failure(message) : LoginResult.throttled(refused);
            } catch (RuntimeException e) {
                // another node (or thread) inserted or updated the same throttling row at the same moment
                if (attempt >= THROTTLE_RETRIES) {
                    throw e;
                }
                LOG.debug("Recording a failed sign-in of '{}' collided; retrying", name, e);
            }
        }
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

    // ---------------------------------------------------------------------------------------------- creation

    @Override
    public UserAccount create(Caller caller, String username, String displayName, char[] password, Set<Role> roles,
            String partnerId) {
        String partner = blankToNull(partnerId);
        UserRules.checkCreate(caller, username, roles, partner);
        policy.check(username, password);
        return insert(caller, username, displayName, hasher.hash(password), false, roles, partner);
    }

    @Override
    public OneTimePassword createWithOneTimePassword(Caller caller, String username, String displayName,
            Set<Role> roles, String partnerId) {
        String partner = blankToNull(partnerId);
        UserRules.checkCreate(caller, username, roles, partner);
        String otp = policy.oneTimePassword();
        UserAccount account = insert(caller, username, displayName, hasher.hash(otp.toCharArray()), true, roles,
                partner);
        return new OneTimePassword(account, otp, oneTimeExpiry());
    }

    private UserAccount insert(Caller caller, String username, String displayName, String hash, boolean oneTime,
            Set<Role> roles, String partner) {
        String display = UserRules.displayName(displayName, username);
        if (partner != null) {
            requirePartnerExists(partner);
        }
        UserEntity entity = new UserEntity(username, display, hash, UserRules.encodeRoles(roles), partner, true,
                LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
        entity.password(hash, oneTime, UtcText.format(oneTime ? oneTimeExpiry() : null));
        unitOfWork.required(() -> {
            jpa.tx(em -> {
                if (em.find(UserEntity.class, username) != null) {
                    throw new IllegalArgumentException("The user name '" + username + "' is already taken.");
                }
                em.persist(entity);
                return null;
            });
            audit.append(new AuditEvent(caller.username(), "user.created", ENTITY, username, "",
                    describe(entity) + (oneTime ? ", one-time-password=true" : "")));
            return null;
        });
        LOG.info("User '{}' created by '{}' with roles {}", username, caller.username(), entity.roles());
        return toAccount(entity, false);
    }

    // ---------------------------------------------------------------------------------------------- reading

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
        Set<String> locked = throttle.lockedKeys("u:");
        return users.stream().map(u -> toAccount(u, locked.contains(LoginThrottle.userKey(u.username()))))
                .collect(Collectors.toList());
    }

    @Override
    public boolean exists(String username) {
        String name = UserRules.normalize(username);
        return !name.isEmpty() && jpa.tx(em -> em.find(UserEntity.class, name) != null);
    }

    @Override
    public List<UserAccount> usersWithRoles(Caller caller, Set<Role> roles, String partnerId) {
        Access.requireAnyRole(caller, Role.ADMINISTRATOR);
        if (roles == null || roles.isEmpty()) {
            return List.of();
        }
        String partner = blankToNull(partnerId);
        // roles are stored as one comma-separated column: the few enabled users of a partner (or the staff) are
        // filtered here rather than by a LIKE on that column
        List<UserEntity> users = jpa.tx(em -> partner == null
                ? em.createQuery("SELECT u FROM UserEntity u WHERE u.enabled = TRUE ORDER BY u.username",
                        UserEntity.class).getResultList()
                : em.createQuery("SELECT u FROM UserEntity u WHERE u.enabled = TRUE AND u.partnerId = :partner "
                        + "ORDER BY u.username", UserEntity.class).setParameter("partner", partner).getResultList());
        return users.stream()
                .filter(u -> UserRules.decodeRoles(u.roles()).stream().anyMatch(roles::contains))
                .map(u -> toAccount(u, false))
                .collect(Collectors.toList());
    }

    @Override
    public Optional<UserAccount> account(Caller caller, String username) {
        Access.requireCaller(caller);
        String name = UserRules.normalize(username);
        if (name.isEmpty()) {
            return Optional.empty();
        }
        return jpa.tx(em -> Optional.ofNullable(em.find(UserEntity.class, name)))
                .filter(u -> isSelf(caller, u) || mayManage(caller, u))
                .map(u -> toAccount(u, false));
    }

    @Override
    public UserAccount setEmail(Caller caller, String username, String email) {
        Access.requireCaller(caller);
        String address = UserRules.email(email);
        String name = UserRules.normalize(username);
        UserAccount result = unitOfWork.required(() -> {
            String[] before = new String[1];
            UserEntity u = jpa.tx(em -> {
                UserEntity e = em.find(UserEntity.class, name);
                if (e == null || !(isSelf(caller, e) || mayManage(caller, e))) {
                    // someone the caller may not manage looks like nobody
                    throw new IllegalArgumentException("There is no user '" + name + "'.");
                }
                before[0] = e.email() == null ? "" : "email=" + e.email();
                e.email(address);
                return e;
            });
            audit.append(new AuditEvent(caller.username(), "user.email-changed", ENTITY, u.username(), before[0],
                    address == null ? "" : "email=" + address));
            return toAccount(u, false);
        });
        LOG.info("E-mail address of '{}' changed by '{}'", name, caller.username());
        return result;
    }

    private static boolean mayManage(Caller caller, UserEntity u) {
        try {
            UserRules.requireMayManageUsers(caller);
            UserRules.requireMayManage(caller, u.partnerId(), UserRules.decodeRoles(u.roles()));
            return true;
        } catch (AccessDeniedException e) {
            return false;
        }
    }

    // ---------------------------------------------------------------------------------------------- own password

    @Override
    public Caller changeOwnPassword(Caller caller, char[] currentPassword, char[] newPassword) {
        if (caller == null || caller.roles().isEmpty()) {
            throw new AccessDeniedException("Please sign in.");
        }
        String name = caller.username();
        String userKey = LoginThrottle.userKey(name);
        Duration wait = throttle.retryAfter(userKey);
        if (!wait.isZero()) {
            throw new AccessDeniedException(LoginResult.throttled(wait).message());
        }
        UserEntity stored = jpa.tx(em -> em.find(UserEntity.class, name));
        if (stored == null || !stored.enabled()) {
            throw new AccessDeniedException(DISABLED);
        }
        char[] current = currentPassword == null ? new char[0] : currentPassword;
        Boolean verified = gate.run(() -> hasher.verify(current, stored.passwordHash()));
        if (verified == null) {
            throw new IllegalStateException(LoginResult.BUSY_MESSAGE);
        }
        if (!verified) {
            unitOfWork.required(() -> throttle.failure(userKey, settings.userRule()));
            throw new AccessDeniedException("The current password is wrong.");
        }
        policy.check(name, newPassword);
        if (Arrays.equals(current, newPassword)) {
            throw new IllegalArgumentException("The new password must differ from the current one.");
        }
        String hash = hasher.hash(newPassword);
        UserEntity changed = unitOfWork.required(() -> {
            UserEntity u = jpa.tx(em -> {
                UserEntity e = em.find(UserEntity.class, name);
                if (e == null || e.version() != stored.version()) {
                    throw new ConcurrentChangeException("The account changed meanwhile. Please try again.", null);
                }
                e.password(hash, false, null);
                return e;
            });
            throttle.clear(userKey);
            audit.append(new AuditEvent(name, "user.password-changed", ENTITY, name,
                    stored.passwordChangeRequired() ? "one-time-password=true" : "", "one-time-password=false"));
            return u;
        });
        LOG.info("User '{}' changed their password", name);
        return toCaller(changed);
    }

    // ---------------------------------------------------------------------------------------------- management

    @Override
    public UserAccount update(Caller caller, String username, String displayName, Set<Role> roles) {
        UserRules.requireMayManageUsers(caller);
        Set<Role> wanted = roles == null || roles.isEmpty() ? Set.of() : EnumSet.copyOf(roles);
        UserRules.requireMayGrant(caller, wanted);
        return change(caller, username, "user.updated", u -> {
            UserRules.checkRoles(wanted, u.partnerId());
            if (u.partnerId() != null) {
                requirePartnerExists(u.partnerId());
            }
            Set<Role> before = UserRules.decodeRoles(u.roles());
            Role managing = UserRules.managingRole(caller);
            if (isSelf(caller, u) && before.contains(managing) && !wanted.contains(managing)) {
                throw new AccessDeniedException("You cannot remove your own " + managing.id() + " role.");
            }
            if (u.enabled() && before.contains(Role.ADMINISTRATOR) && !wanted.contains(Role.ADMINISTRATOR)) {
                requireAnotherEnabledAdministrator(u.username());
            }
            if (displayName != null) {
                u.displayName(UserRules.displayName(displayName, u.username()));
            }
            u.roles(UserRules.encodeRoles(wanted));
        });
    }

    @Override
    public UserAccount setEnabled(Caller caller, String username, boolean enabled) {
        UserRules.requireMayManageUsers(caller);
        return change(caller, username, enabled ? "user.enabled" : "user.disabled", u -> {
            if (!enabled) {
                if (isSelf(caller, u)) {
                    throw new AccessDeniedException("You cannot disable your own account.");
                }
                if (u.enabled() && UserRules.decodeRoles(u.roles()).contains(Role.ADMINISTRATOR)) {
                    requireAnotherEnabledAdministrator(u.username());
                }
            }
            u.enabled(enabled);
        });
    }

    @Override
    public OneTimePassword resetPassword(Caller caller, String username) {
        UserRules.requireMayManageUsers(caller);
        String otp = policy.oneTimePassword();
        String hash = hasher.hash(otp.toCharArray());
        Instant expiry = oneTimeExpiry();
        UserAccount account = change(caller, username, "user.password-reset", u -> {
            u.password(hash, true, UtcText.format(expiry));
            throttle.clear(LoginThrottle.userKey(u.username()));
        });
        return new OneTimePassword(account, otp, expiry);
    }

    @Override
    public UserAccount unlock(Caller caller, String username) {
        UserRules.requireMayManageUsers(caller);
        return change(caller, username, "user.unlocked", u -> throttle.clear(LoginThrottle.userKey(u.username())));
    }

    /** What a management action does to the user, inside the unit of work; may refuse by throwing. */
    private interface Change {
        void apply(UserEntity user);
    }

    /**
     * Loads the user, checks that the caller may manage them, applies the change and records the audit event, all in
     * one unit of work.
     */
    private UserAccount change(Caller caller, String username, String action, Change change) {
        String name = UserRules.normalize(username);
        UserAccount result = unitOfWork.required(() -> {
            UserEntity[] holder = new UserEntity[1];
            String[] before = new String[1];
            jpa.tx(em -> {
                UserEntity u = em.find(UserEntity.class, name);
                if (u == null) {
                    throw new IllegalArgumentException("There is no user '" + name + "'.");
                }
                UserRules.requireMayManage(caller, u.partnerId(), UserRules.decodeRoles(u.roles()));
                before[0] = describe(u);
                change.apply(u);
                holder[0] = u;
                return null;
            });
            UserEntity u = holder[0];
            audit.append(new AuditEvent(caller.username(), action, ENTITY, u.username(), before[0], describe(u)));
            return toAccount(u, false);
        });
        LOG.info("User '{}': {} by '{}'", result.username(), action, caller.username());
        return result;
    }

    private void requireAnotherEnabledAdministrator(String except) {
        long others = jpa.tx(em -> em.createQuery(
                "SELECT u FROM UserEntity u WHERE u.enabled = TRUE AND u.username <> :except", UserEntity.class)
                .setParameter("except", except).getResultList()).stream()
                .filter(o -> UserRules.decodeRoles(o.roles()).contains(Role.ADMINISTRATOR))
                .count();
        if (others == 0) {
            throw new AccessDeniedException("The portal needs at least one enabled administrator.");
        }
    }

    private void requirePartnerExists(String partnerId) {
        PartnerDirectory directory = partners.get().orElseThrow(() -> new IllegalStateException(NO_PARTNER_DIRECTORY));
        if (!directory.exists(partnerId)) {
            throw new IllegalArgumentException("There is no partner '" + partnerId + "'.");
        }
    }

    private Instant oneTimeExpiry() {
        return settings.oneTimeValidity().isZero() ? null : clock.instant().plus(settings.oneTimeValidity());
    }

    // ---------------------------------------------------------------------------------------------- helpers

    /** The stored hash (tests). */
    String storedHash(String username) {
        return jpa.tx(em -> em.find(UserEntity.class, username).passwordHash());
    }

    private void rehash(String name, char[] password, String oldHash) {
        String hash = hasher.hash(password);
        try {
            jpa.tx(em -> {
                UserEntity u = em.find(UserEntity.class, name);
                // only if nobody changed the password meanwhile; keeps a one-time password one-time
                if (u != null && oldHash.equals(u.passwordHash())) {
                    u.password(hash, u.passwordChangeRequired(), u.passwordExpiresAt());
                }
                return null;
            });
        } catch (ConcurrentChangeException e) {
            LOG.debug("Password hash of '{}' not upgraded: the user changed meanwhile", name);
        }
    }

    private static boolean isSelf(Caller caller, UserEntity u) {
        return caller.username().equals(u.username());
    }

    private static String describe(UserEntity u) {
        return "displayName=" + u.displayName() + ", roles=" + u.roles()
                + (u.partnerId() == null ? "" : ", partner=" + u.partnerId()) + ", enabled=" + u.enabled()
                + ", passwordChangeRequired=" + u.passwordChangeRequired()
                + (u.email() == null ? "" : ", email=" + u.email());
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static String truncate(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    static Caller toCaller(UserEntity u) {
        return new Caller(u.username(), u.displayName(), UserRules.decodeRoles(u.roles()), u.partnerId(),
                u.passwordChangeRequired());
    }

    static UserAccount toAccount(UserEntity u, boolean locked) {
        return new UserAccount(u.username(), u.displayName(), UserRules.decodeRoles(u.roles()), u.partnerId(),
                u.enabled(), u.passwordChangeRequired(), locked, u.email());
    }
}
