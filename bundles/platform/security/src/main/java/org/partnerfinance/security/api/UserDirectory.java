package org.partnerfinance.security.api;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

/** The portal's own users, with slow-KDF password hashes and login throttling. */
@ProviderType
public interface UserDirectory {

    /**
     * Checks a user name and password. Failed attempts are counted per user name; after too many the name is
     * throttled for a while and the result says so.
     */
    LoginResult login(String username, char[] password);

    /** Looks a user up again (e.g. to refresh roles of an open session). */
    Optional<Caller> find(String username);

    /**
     * Creates a user. Administrators may create any user; a partner administrator only partner users of their own
     * partner.
     *
     * @throws IllegalArgumentException for an invalid or duplicate user name, empty roles or a weak password
     */
    UserAccount create(Caller caller, String username, String displayName, char[] password, Set<Role> roles,
            String partnerId);

    /** Lists users: all for administrators, a partner's own for partner administrators. */
    List<UserAccount> list(Caller caller);

    /** Whether a user with this name exists (used by demo data to stay idempotent). */
    boolean exists(String username);
}
