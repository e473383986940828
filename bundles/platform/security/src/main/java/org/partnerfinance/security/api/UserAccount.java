package org.partnerfinance.security.api;

import java.util.Set;

/** A portal user as listed to administrators; never carries the password hash. */
public record UserAccount(String username, String displayName, Set<Role> roles, String partnerId, boolean enabled) {
}
