package org.partnerfinance.users.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Password and sign-in policy (PID {@code org.partnerfinance.security}, file {@code etc/org.partnerfinance.security.cfg}). */
@ObjectClassDefinition(name = "Partner Finance Portal - Users and sign-in",
        description = "Password hashing and login throttling of the portal's own users.")
public @interface SecurityConfig {

    @AttributeDefinition(name = "PBKDF2 iterations",
            description = "Iterations of PBKDF2WithHmacSHA256 for new password hashes (at least 1000). Stored hashes "
                    + "keep their own count and are re-hashed with this one at the next successful sign-in.",
            min = "1000")
    int password_iterations() default PasswordHasher.DEFAULT_ITERATIONS;

    @AttributeDefinition(name = "Minimum password length", description = "Shorter passwords are refused.", min = "1")
    int password_min_length() default 4;

    @AttributeDefinition(name = "Failures before throttling",
            description = "Consecutive failed sign-ins of one user name after which further attempts are refused "
                    + "for a while.", min = "1")
    int login_max_failures() default 5;

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
}
