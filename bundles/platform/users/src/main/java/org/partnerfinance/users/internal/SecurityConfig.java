package org.partnerfinance.users.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Password and sign-in policy (PID {@code org.partnerfinance.security}, file {@code etc/org.partnerfinance.security.cfg}). */
@ObjectClassDefinition(name = "Partner Finance Portal - Users and sign-in",
        description = "Password policy, password hashing, one-time passwords and sign-in throttling of the portal's "
                + "own users.")
public @interface SecurityConfig {

    @AttributeDefinition(name = "PBKDF2 iterations",
            description = "Iterations of PBKDF2WithHmacSHA256 for new password hashes (at least 600000). Stored hashes "
                    + "keep their own count and are re-hashed with this one at the next successful sign-in.",
            min = "600000")
    int password_iterations() default PasswordHasher.DEFAULT_ITERATIONS;

    @AttributeDefinition(name = "Minimum password length",
            description = "Shorter passwords are refused. Never below 12: a lower value is raised to 12.", min = "12")
    int password_min_length() default PasswordPolicy.FLOOR;

    @AttributeDefinition(name = "One-time password validity (hours)",
            description = "A generated one-time password (pf:user-add, password reset) stops working this many hours "
                    + "after it was made unless it was used to choose a new password; 0 = it does not expire.",
            min = "0")
    int password_onetime_validity_hours() default 72;

    @AttributeDefinition(name = "Failures before throttling a user name",
            description = "Consecutive failed sign-ins of one user name after which further attempts are refused "
                    + "for a while.", min = "1")
    int login_max_failures() default 5;

    @AttributeDefinition(name = "Failures before throttling a source address",
            description = "Consecutive failed sign-ins from one source address (any user names) after which further "
                    + "attempts from it are refused for a while. Higher than per user, since offices share addresses.",
            min = "1")
    int login_address_max_failures() default 20;

    @AttributeDefinition(name = "Failure window (minutes)",
            description = "Failures count as consecutive while each follows the previous one (or the end of a "
                    + "refusal period) within this many minutes.", min = "1")
    int login_failure_window_minutes() default 15;

    @AttributeDefinition(name = "First refusal period (seconds)",
            description = "How long sign-ins are refused after the last allowed failure; doubled by every further "
                    + "failure.", min = "1")
    int login_initial_delay_seconds() default 30;

    @AttributeDefinition(name = "Longest refusal period (minutes)", min = "1")
    int login_max_delay_minutes() default 15;

    @AttributeDefinition(name = "Concurrent password hashes",
            description = "How many password hashes are computed at once; further sign-ins wait (see below). "
                    + "0 = one per processor core.", min = "0")
    int login_concurrent_hashes() default 0;

    @AttributeDefinition(name = "Wait for a hash slot (milliseconds)",
            description = "How long a sign-in waits for a free hash slot before it is answered 'The portal is busy'.",
            min = "0")
    int login_busy_wait_millis() default 1000;
}
