package org.partnerfinance.security.api;

import java.util.Set;

/**
 * A portal user as listed to administrators; never carries the password hash.
 *
 * @param username               login name
 * @param displayName            name to show
 * @param roles                  granted roles
 * @param partnerId              partner organisation of a partner user, {@code null} for staff
 * @param enabled                whether the user may sign in
 * @param passwordChangeRequired whether the user holds a one-time password and must choose their own at sign-in
 * @param locked                 whether sign-ins of this user name are refused at the moment after too many failures
 *                               (see {@link UserDirectory#unlock(Caller, String)})
 * @param email                  the user's e-mail address for notifications, {@code null} when none is known
 */
public record UserAccount(String username, String displayName, Set<Role> roles, String partnerId, boolean enabled,
        boolean passwordChangeRequired, boolean locked, String email) {

    /** An account without a known e-mail address. */
    public UserAccount(String username, String displayName, Set<Role> roles, String partnerId, boolean enabled,
            boolean passwordChangeRequired, boolean locked) {
        this(username, displayName, roles, partnerId, enabled, passwordChangeRequired, locked, null);
    }

    /** An account without a pending one-time password and not locked. */
    public UserAccount(String username, String displayName, Set<Role> roles, String partnerId, boolean enabled) {
        this(username, displayName, roles, partnerId, enabled, false, false, null);
    }
}
