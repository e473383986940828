package org.partnerfinance.notifications.internal;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.partnerfinance.audit.api.AuditEvent;
import org.partnerfinance.audit.api.AuditTrail;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.Role;
import org.partnerfinance.security.api.UserAccount;
import org.partnerfinance.security.api.UserDirectory;

/** Stand-ins for the audit trail and the user directory (only what notifications call). */
final class Fakes {

    private Fakes() {
    }

    /** An audit trail that records the appended events. */
    static AuditTrail audit(List<AuditEvent> appended) {
        return (AuditTrail) Proxy.newProxyInstance(Fakes.class.getClassLoader(), new Class<?>[] {AuditTrail.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("append")) {
                        appended.add((AuditEvent) args[0]);
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    /** A directory of these accounts; like the real one, only administrators (the system) list by role. */
    static UserDirectory users(List<UserAccount> accounts) {
        List<UserAccount> all = new ArrayList<>(accounts);
        return (UserDirectory) Proxy.newProxyInstance(Fakes.class.getClassLoader(),
                new Class<?>[] {UserDirectory.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "usersWithRoles": {
                            if (!((Caller) args[0]).has(Role.ADMINISTRATOR)) {
                                throw new org.partnerfinance.security.api.AccessDeniedException("no");
                            }
                            @SuppressWarnings("unchecked")
                            Set<Role> roles = (Set<Role>) args[1];
                            String partner = (String) args[2];
                            return all.stream().filter(UserAccount::enabled)
                                    .filter(u -> partner == null || partner.equals(u.partnerId()))
                                    .filter(u -> u.roles().stream().anyMatch(roles::contains)).toList();
                        }
                        case "account":
                            return all.stream().filter(u -> u.username().equals(args[1])).findFirst();
                        default:
                            throw new UnsupportedOperationException(method.getName());
                    }
                });
    }

    static UserAccount user(String name, String partner, String email, Role... roles) {
        return new UserAccount(name, name, Set.of(roles), partner, true, false, false, email);
    }

    static Optional<UserAccount> none() {
        return Optional.empty();
    }
}
