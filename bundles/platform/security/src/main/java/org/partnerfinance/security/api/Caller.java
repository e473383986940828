package org.partnerfinance.security.api;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The authenticated user on whose behalf a service method runs. Every partner-scoped service method takes the
 * caller as its first argument and checks it with {@link Access}.
 *
 * @param username           login name
 * @param displayName        name to show
 * @param roles              granted roles, never empty for a real user
 * @param partnerId          the partner organisation of a partner user; {@code null} for company staff
 * @param mustChangePassword whether the user signed in with a one-time password and has not chosen their own yet:
 *                           such a caller may only change their password ({@link Access} refuses everything else)
 */
public record Caller(String username, String displayName, Set<Role> roles, String partnerId,
        boolean mustChangePassword) {

    public Caller {
        Objects.requireNonNull(username, "username");
        displayName = displayName == null ? username : displayName;
        roles = roles == null || roles.isEmpty() ? Collections.emptySet()
                : Collections.unmodifiableSet(EnumSet.copyOf(roles));
    }

    /** A caller who may act normally (not bound to choose a new password first). */
    public Caller(String username, String displayName, Set<Role> roles, String partnerId) {
        this(username, displayName, roles, partnerId, false);
    }

    /** The identity used by the platform itself (migrations, demo data, scheduled work). Holds every role. */
    public static Caller system() {
        return new Caller("system", "System", EnumSet.allOf(Role.class), null);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Role... wanted) {
        for (Role r : wanted) {
            if (roles.contains(r)) {
                return true;
            }
        }
        return false;
    }

    /** Company finance staff: reviewers and managers. */
    public boolean isFinance() {
        return hasAny(Role.FINANCE_REVIEWER, Role.FINANCE_MANAGER);
    }

    /** Whether this caller is bound to one partner organisation. */
    public boolean isPartner() {
        return partnerId != null;
    }
}
