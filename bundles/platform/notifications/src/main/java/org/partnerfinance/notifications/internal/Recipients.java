package org.partnerfinance.notifications.internal;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.UserAccount;
import org.partnerfinance.security.api.UserDirectory;
import org.partnerfinance.security.api.Role;

/** Finds who to notify in the user directory, as the platform itself (the directory checks the caller). */
final class Recipients {

    private static final Caller SYSTEM = Caller.system();

    private final UserDirectory users;

    Recipients(UserDirectory users) {
        this.users = users;
    }

    /** The enabled users among these names. */
    List<Recipient> byName(Collection<String> usernames) {
        return usernames.stream().filter(Objects::nonNull).distinct()
                .flatMap(name -> users.account(SYSTEM, name).stream())
                .filter(UserAccount::enabled)
                .map(Recipients::of)
                .toList();
    }

    /**
     * The enabled users holding one of the roles: of this partner, or company staff when {@code partnerId} is
     * {@code null}; without {@code except}.
     */
    List<Recipient> byRoles(Set<Role> roles, String partnerId, String except) {
        return users.usersWithRoles(SYSTEM, roles, partnerId).stream()
                .filter(u -> partnerId != null ? partnerId.equals(u.partnerId()) : u.partnerId() == null)
                .filter(u -> !u.username().equals(except))
                .map(Recipients::of)
                .toList();
    }

    /** The raw accounts (for audiences that filter further, e.g. the creator plus partner administrators). */
    List<UserAccount> partnerUsers(String partnerId) {
        return users.usersWithRoles(SYSTEM, Set.of(Role.PARTNER_USER, Role.PARTNER_ADMIN), partnerId).stream()
                .filter(u -> partnerId.equals(u.partnerId()))
                .toList();
    }

    static Recipient of(UserAccount u) {
        return new Recipient(u.username(), u.partnerId(), u.email());
    }
}
