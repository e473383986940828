package org.partnerfinance.users.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.partnerfinance.audit.api.AuditTrail;
import org.partnerfinance.persistence.api.Jpa;
import org.partnerfinance.persistence.api.PersistenceService;
import org.partnerfinance.persistence.api.PersistenceUnitSpec;
import org.partnerfinance.persistence.api.UnitOfWork;
import org.partnerfinance.security.api.ApiToken;
import org.partnerfinance.security.api.ApiTokens;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.CreatedApiToken;
import org.partnerfinance.security.api.LoginResult;
import org.partnerfinance.security.api.OneTimePassword;
import org.partnerfinance.security.api.PartnerDirectory;
import org.partnerfinance.security.api.Role;
import org.partnerfinance.security.api.UserAccount;
import org.partnerfinance.security.api.TokenAuthentication;
import org.partnerfinance.security.api.UserDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link UserDirectory} service: opens the {@code security} persistence unit and applies the configured policy.
 * The partner directory is optional and dynamic: while none is registered, partner users cannot be created or edited.
 */
@Component(service = { UserDirectory.class, ApiTokens.class }, configurationPid = UserDirectoryComponent.PID)
@Designate(ocd = SecurityConfig.class)
public final class UserDirectoryComponent implements UserDirectory, ApiTokens {

    static final String PID = "org.partnerfinance.security";
    static final String UNIT = "security";
    static final String MIGRATIONS = "db/security";
    static final List<String> ENTITIES = List.of(UserEntity.class.getName(), ThrottleEntity.class.getName(),
            ApiTokenEntity.class.getName());

    private static final Logger LOG = LoggerFactory.getLogger(UserDirectoryComponent.class);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile PartnerDirectory partnerDirectory;

    private final Jpa jpa;
    private final UserDirectoryImpl directory;
    private final ApiTokenStore tokens;

    @Activate
    public UserDirectoryComponent(@Reference PersistenceService persistence, @Reference UnitOfWork unitOfWork,
            @Reference AuditTrail audit, SecurityConfig config, BundleContext context) {
        if (config.password_iterations() < PasswordHasher.MIN_CONFIGURED_ITERATIONS) {
            throw new IllegalArgumentException("password.iterations must be at least "
                    + PasswordHasher.MIN_CONFIGURED_ITERATIONS + ", was " + config.password_iterations());
        }
        if (config.password_min_length() < PasswordPolicy.FLOOR) {
            LOG.warn("password.min.length {} is below the portal's floor; using {}", config.password_min_length(),
                    PasswordPolicy.FLOOR);
        }
        this.jpa = persistence.open(new PersistenceUnitSpec(UNIT, context.getBundle(), ENTITIES, MIGRATIONS));
        try {
            Duration window = Duration.ofMinutes(config.login_failure_window_minutes());
            Duration first = Duration.ofSeconds(config.login_initial_delay_seconds());
            Duration longest = Duration.ofMinutes(config.login_max_delay_minutes());
            UserDirectoryImpl.Settings settings = new UserDirectoryImpl.Settings(
                    new LoginThrottle.Rule(config.login_max_failures(), window, first, longest),
                    new LoginThrottle.Rule(config.login_address_max_failures(), window, first, longest),
                    Duration.ofHours(config.password_onetime_validity_hours()));
            int permits = config.login_concurrent_hashes() > 0 ? config.login_concurrent_hashes()
                    : HashGate.defaultPermits();
            SecureRandom random = new SecureRandom();
            this.directory = new UserDirectoryImpl(jpa, unitOfWork, audit, () -> Optional.ofNullable(partnerDirectory),
                    new PasswordHasher(config.password_iterations(), random),
                    PasswordPolicy.withShippedList(config.password_min_length(), random),
                    new HashGate(permits, Duration.ofMillis(config.login_busy_wait_millis())), Clock.systemUTC(),
                    settings);
            this.tokens = new ApiTokenStore(jpa, unitOfWork, audit, settings.addressRule(), random,
                    Clock.systemUTC());
        } catch (RuntimeException e) {
            jpa.close();
            throw e;
        }
    }

    @Deactivate
    void deactivate() {
        jpa.close();
    }

    @Override
    public LoginResult login(String username, char[] password, String sourceAddress) {
        return directory.login(username, password, sourceAddress);
    }

    @Override
    public Optional<Caller> find(String username) {
        return directory.find(username);
    }

    @Override
    public UserAccount create(Caller caller, String username, String displayName, char[] password, Set<Role> roles,
            String partnerId) {
        return directory.create(caller, username, displayName, password, roles, partnerId);
    }

    @Override
    public OneTimePassword createWithOneTimePassword(Caller caller, String username, String displayName,
            Set<Role> roles, String partnerId) {
        return directory.createWithOneTimePassword(caller, username, displayName, roles, partnerId);
    }

    @Override
    public List<UserAccount> list(Caller caller) {
        return directory.list(caller);
    }

    @Override
    public boolean exists(String username) {
        return directory.exists(username);
    }

    @Override
    public Caller changeOwnPassword(Caller caller, char[] currentPassword, char[] newPassword) {
        return directory.changeOwnPassword(caller, currentPassword, newPassword);
    }

    @Override
    public UserAccount update(Caller caller, String username, String displayName, Set<Role> roles) {
        return directory.update(caller, username, displayName, roles);
    }

    @Override
    public UserAccount setEnabled(Caller caller, String username, boolean enabled) {
        return directory.setEnabled(caller, username, enabled);
    }

    @Override
    public OneTimePassword resetPassword(Caller caller, String username) {
        return directory.resetPassword(caller, username);
    }

    @Override
    public UserAccount unlock(Caller caller, String username) {
        return directory.unlock(caller, username);
    }

    @Override
    public List<UserAccount> usersWithRoles(Caller caller, Set<Role> roles, String partnerId) {
        return directory.usersWithRoles(caller, roles, partnerId);
    }

    @Override
    public Optional<UserAccount> account(Caller caller, String username) {
        return directory.account(caller, username);
    }

    @Override
    public UserAccount setEmail(Caller caller, String username, String email) {
        return directory.setEmail(caller, username, email);
    }

    // ---------------------------------------------------------------------------------------------- API tokens

    @Override
    public CreatedApiToken create(Caller caller, String name, Instant expiresAt) {
        return tokens.create(caller, name, expiresAt);
    }

    @Override
    public CreatedApiToken createFor(Caller caller, String username, String name, Instant expiresAt) {
        return tokens.createFor(caller, username, name, expiresAt);
    }

    @Override
    public List<ApiToken> listOwn(Caller caller) {
        return tokens.listOwn(caller);
    }

    @Override
    public List<ApiToken> listFor(Caller caller, String username) {
        return tokens.listFor(caller, username);
    }

    @Override
    public Optional<ApiToken> revoke(Caller caller, String tokenId) {
        return tokens.revoke(caller, tokenId);
    }

    @Override
    public TokenAuthentication authenticate(String secret, String sourceAddress) {
        return tokens.authenticate(secret, sourceAddress);
    }
}
