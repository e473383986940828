package org.partnerfinance.users.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.partnerfinance.persistence.api.Jpa;
import org.partnerfinance.persistence.api.PersistenceService;
import org.partnerfinance.persistence.api.PersistenceUnitSpec;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.LoginResult;
import org.partnerfinance.security.api.Role;
import org.partnerfinance.security.api.UserAccount;
import org.partnerfinance.security.api.UserDirectory;

/** The {@link UserDirectory} service: opens the {@code security} persistence unit and applies the configured policy. */
@Component(service = UserDirectory.class, configurationPid = UserDirectoryComponent.PID)
@Designate(ocd = SecurityConfig.class)
public final class UserDirectoryComponent implements UserDirectory {

    static final String PID = "org.partnerfinance.security";
    static final String UNIT = "security";
    static final String MIGRATIONS = "db/security";

    private final Jpa jpa;
    private final UserDirectoryImpl directory;

    @Activate
    public UserDirectoryComponent(@Reference PersistenceService persistence, SecurityConfig config,
            BundleContext context) {
        this.jpa = persistence.open(new PersistenceUnitSpec(UNIT, context.getBundle(),
                List.of(UserEntity.class.getName()), MIGRATIONS));
        try {
            Clock clock = Clock.systemUTC();
            LoginThrottle throttle = new LoginThrottle(clock, config.login_max_failures(),
                    Duration.ofMinutes(config.login_failure_window_minutes()),
                    Duration.ofSeconds(config.login_initial_delay_seconds()),
                    Duration.ofMinutes(config.login_max_delay_minutes()));
            this.directory = new UserDirectoryImpl(jpa, new PasswordHasher(config.password_iterations(),
                    new SecureRandom()), throttle, clock, config.password_min_length());
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
    public LoginResult login(String username, char[] password) {
        return directory.login(username, password);
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
    public List<UserAccount> list(Caller caller) {
        return directory.list(caller);
    }

    @Override
    public boolean exists(String username) {
        return directory.exists(username);
    }
}
