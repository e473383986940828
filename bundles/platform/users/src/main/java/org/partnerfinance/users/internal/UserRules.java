package org.partnerfinance.users.internal;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.partnerfinance.security.api.AccessDeniedException;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.Role;

/** Who may create and list which users, and what a valid user looks like. Pure functions. */
final class UserRules {

    static final Pattern USERNAME = Pattern.compile("[a-z0-9._-]{2,64}");
    static final int MAX_PASSWORD_LENGTH = 1024;
    static final int MAX_DISPLAY_NAME_LENGTH = 200;
    private static final Set<Role> PARTNER_ADMIN_GRANTS = EnumSet.of(Role.PARTNER_USER, Role.PARTNER_ADMIN);

    private UserRules() {
    }

    /** Lower-cases and trims a user name typed at sign-in; {@code null} stays empty. */
    static String normalize(String username) {
        return username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
    }

    /**
     * Checks that the caller may create this user and that the user is valid.
     *
     * @throws AccessDeniedException    if the caller may not create it
     * @throws IllegalArgumentException if the user is invalid
     */
    static void checkCreate(Caller caller, String username, char[] password, Set<Role> roles, String partnerId,
            int minPasswordLength) {
        requireMayManageUsers(caller);
        Set<Role> granted = roles == null ? Set.of() : roles;
        if (!caller.has(Role.ADMINISTRATOR)) {
            // a partner administrator: only partner roles, only for their own organisation
            if (!PARTNER_ADMIN_GRANTS.containsAll(granted)) {
                throw new AccessDeniedException("Partner administrators can only create partner users.");
            }
            if (partnerId == null || !partnerId.equals(caller.partnerId())) {
                throw new AccessDeniedException("You can only create users of your own partner organisation.");
            }
        }
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new IllegalArgumentException(
                    "User names have 2 to 64 characters: lower-case letters, digits, '.', '_' or '-'.");
        }
        if (granted.isEmpty()) {
            throw new IllegalArgumentException("A user needs at least one role.");
        }
        boolean partnerRoles = granted.stream().anyMatch(Role::partnerScoped);
        boolean staffRoles = granted.stream().anyMatch(r -> !r.partnerScoped());
        if (partnerRoles && staffRoles) {
            throw new IllegalArgumentException("A user is either a partner user or company staff, not both.");
        }
        if (partnerRoles && (partnerId == null || partnerId.isBlank())) {
            throw new IllegalArgumentException("Partner users need a partner organisation.");
        }
        if (staffRoles && partnerId != null) {
            throw new IllegalArgumentException("Company staff do not belong to a partner organisation.");
        }
        if (password == null || password.length < minPasswordLength) {
            throw new IllegalArgumentException("Passwords need at least " + minPasswordLength + " characters.");
        }
        if (password.length > MAX_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("Passwords have at most " + MAX_PASSWORD_LENGTH + " characters.");
        }
    }

    /** The display name to store: trimmed, the user name if empty. */
    static String displayName(String displayName, String username) {
        String d = displayName == null ? "" : displayName.trim();
        if (d.length() > MAX_DISPLAY_NAME_LENGTH) {
            throw new IllegalArgumentException("Display names have at most " + MAX_DISPLAY_NAME_LENGTH
                    + " characters.");
        }
        return d.isEmpty() ? username : d;
    }

    /** Administrators and partner administrators manage users. */
    static void requireMayManageUsers(Caller caller) {
        if (caller == null || caller.roles().isEmpty()) {
            throw new AccessDeniedException("Please sign in.");
        }
        if (caller.has(Role.ADMINISTRATOR)) {
            return;
        }
        if (!caller.has(Role.PARTNER_ADMIN) || !caller.isPartner()) {
            throw new AccessDeniedException("You are not allowed to manage users.");
        }
    }

    static String encodeRoles(Set<Role> roles) {
        return Arrays.stream(Role.values()).filter(roles::contains).map(Role::id).collect(Collectors.joining(","));
    }

    static Set<Role> decodeRoles(String stored) {
        Set<Role> roles = new LinkedHashSet<>();
        if (stored != null) {
            for (String id : stored.split(",")) {
                Role.byId(id.trim()).ifPresent(roles::add);
            }
        }
        return roles.isEmpty() ? Set.of() : EnumSet.copyOf(roles);
    }
}
