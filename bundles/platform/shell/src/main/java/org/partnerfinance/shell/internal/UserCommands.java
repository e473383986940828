package org.partnerfinance.shell.internal;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.OneTimePassword;
import org.partnerfinance.security.api.Role;
import org.partnerfinance.security.api.UserDirectory;

/** What {@code pf:user-add} does, apart from the shell plumbing. */
final class UserCommands {

    private UserCommands() {
    }

    /**
     * Creates the user with a one-time password and prints it.
     *
     * @throws IllegalArgumentException for an unknown role id or anything the directory refuses (shown by the shell)
     */
    static OneTimePassword add(UserDirectory users, Caller operator, String username, String roleIds,
            String partnerId, String displayName, PrintStream out) {
        Set<Role> roles = parseRoles(roleIds);
        OneTimePassword otp = users.createWithOneTimePassword(operator, username, displayName, roles, partnerId);
        String roleText = otp.account().roles().stream().map(Role::id).collect(Collectors.joining(", "));
        out.println("User '" + otp.account().username() + "' (" + roleText
                + (otp.account().partnerId() == null ? "" : ", partner " + otp.account().partnerId())
                + ") created.");
        out.println("One-time password: " + otp.password());
        out.println("It is shown only now" + (otp.expiresAt() == null ? "" : " and works until " + otp.expiresAt())
                + ". At the first sign-in the user must choose a new password.");
        return otp;
    }

    static Set<Role> parseRoles(String roleIds) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String id : (roleIds == null ? "" : roleIds).split(",")) {
            String trimmed = id.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            roles.add(Role.byId(trimmed).orElseThrow(() -> new IllegalArgumentException("Unknown role '" + trimmed
                    + "'. Roles: " + Arrays.stream(Role.values()).map(Role::id).collect(Collectors.joining(", "))
                    + ".")));
        }
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("Name at least one role.");
        }
        return roles;
    }
}
