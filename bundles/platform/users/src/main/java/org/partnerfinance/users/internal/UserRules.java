package org.partnerfinance.users.internal;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.partnerfinance.security.api.Access;
import org.partnerfinance.security.api.AccessDeniedException;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.Role;

/** Who may create, list and manage which users, and what a valid user looks like. Pure functions. */
final class UserRules {

    static final Pattern USERNAME = Pattern.compile("[a-z0-9._-]{2,64}");
    static final int MAX_DISPLAY_NAME_LENGTH = 200;
    private static final Set<Role> PARTNER_ADMIN_GRANTS = EnumSet.of(Role.PARTNER_USER, Role.PARTNER_ADMIN);

    private UserRules() {
    }

    /** Lower-cases and trims a user name typed at sign-in; {@code null} stays empty. */
    static String normalize(String username) {
        return username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
    }

    /**
     * Checks that the caller may create this user and that the user is valid (the password is checked by the
     * {@link PasswordPolicy}, the partner's existence by the directory).
     *
     * @throws AccessDeniedException    if the caller may not create it
     * @throws IllegalArgumentException if the user is invalid
     */
    static void checkCreate(Caller caller, String username, Set<Role> roles, String partnerId) {
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
        checkRoles(granted, partnerId);
    }

    /** Roles are not empty and either all partner roles (with a partner) or all staff roles (without one). */
    static void checkRoles(Set<Role> roles, String partnerId) {
        if (roles == null || roles.isEmpty()) {
            throw new IllegalArgumentException("A user needs at least one role.");
        }
        boolean partnerRoles = roles.stream().anyMatch(Role::partnerScoped);
        boolean staffRoles = roles.stream().anyMatch(r -> !r.partnerScoped());
        if (partnerRoles && staffRoles) {
            throw new IllegalArgumentException("A user is either a partner user or company staff, not both.");
        }
        if (partnerRoles && (partnerId == null || partnerId.isBlank())) {
            throw new IllegalArgumentException("Partner users need a partner organisation.");
        }
        if (staffRoles && partnerId != null) {
            throw new IllegalArgumentException("Company staff do not belong to a partner organisation.");
        }
    }

    /**
     * Checks that the caller may manage an existing user: administrators everyone, partner administrators the users
     * of their own partner (who only ever hold partner roles).
     */
    static void requireMayManage(Caller caller, String targetPartnerId, Set<Role> targetRoles) {
        requireMayManageUsers(caller);
        if (caller.has(Role.ADMINISTRATOR)) {
            return;
        }
        if (targetPartnerId == null || !targetPartnerId.equals(caller.partnerId())
                || !PARTNER_ADMIN_GRANTS.containsAll(targetRoles)) {
            throw new AccessDeniedException("You can only manage users of your own partner organisation.");
        }
    }

    /** The roles a caller may hand out when editing: partner administrators only partner roles. */
    static void requireMayGrant(Caller caller, Set<Role> roles) {
        if (!caller.has(Role.ADMINISTRATOR) && !PARTNER_ADMIN_GRANTS.containsAll(roles)) {
            throw new AccessDeniedException("Partner administrators can only give partner roles.");
        }
    }

    /** The role that lets this caller manage users: administrators keep it, partner administrators theirs. */
    static Role managingRole(Caller caller) {
        return caller.has(Role.ADMINISTRATOR) ? Role.ADMINISTRATOR : Role.PARTNER_ADMIN;
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
        Access.requireCaller(caller);
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

    /** A plain address (local part, @, domain with a dot), no spaces, no display name. */
    static final Pattern EMAIL = Pattern.compile("[^@\\s<>\",;]{1,64}@[^@\\s<>\",;]+\\.[^@\\s<>\",;.]+");

    /** The normalized e-mail address, {@code null} for none; refuses anything that is not a plain address. */
    static String email(String email) {
        if (email == null || email.isBlank()) {
            return null;
        }
        String trimmed = email.trim();
        if (trimmed.length() > 254 || !EMAIL.matcher(trimmed).matches()) {
            throw new IllegalArgumentException("'" + (trimmed.length() > 60 ? trimmed.substring(0, 60) + "…" : trimmed)
                    + "' is not an e-mail address (name@example.com).");
        }
        return trimmed;
    }
}
