package org.partnerfinance.ui.internal;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.LoginResult;
import org.partnerfinance.security.api.OneTimePassword;
import org.partnerfinance.security.api.Role;
import org.partnerfinance.security.api.UserAccount;
import org.partnerfinance.security.api.UserDirectory;

/** A directory that only answers {@link #find}, from the given function; everything else is not expected. */
final class LookupOnlyDirectory implements UserDirectory {

    private final Function<String, Optional<Caller>> find;

    LookupOnlyDirectory(Function<String, Optional<Caller>> find) {
        this.find = find;
    }

    @Override
    public Optional<Caller> find(String username) {
        return find.apply(username);
    }

    @Override
    public LoginResult login(String username, char[] password, String sourceAddress) {
        throw new UnsupportedOperationException();
    }

    @Override
    public UserAccount create(Caller caller, String username, String displayName, char[] password, Set<Role> roles,
            String partnerId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public OneTimePassword createWithOneTimePassword(Caller caller, String username, String displayName,
            Set<Role> roles, String partnerId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<UserAccount> list(Caller caller) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean exists(String username) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Caller changeOwnPassword(Caller caller, char[] currentPassword, char[] newPassword) {
        throw new UnsupportedOperationException();
    }

    @Override
    public UserAccount update(Caller caller, String username, String displayName, Set<Role> roles) {
        throw new UnsupportedOperationException();
    }

    @Override
    public UserAccount setEnabled(Caller caller, String username, boolean enabled) {
        throw new UnsupportedOperationException();
    }

    @Override
    public OneTimePassword resetPassword(Caller caller, String username) {
        throw new UnsupportedOperationException();
    }

    @Override
    public UserAccount unlock(Caller caller, String username) {
        throw new UnsupportedOperationException();
    }

    @Override
    public java.util.List<UserAccount> usersWithRoles(Caller caller, java.util.Set<org.partnerfinance.security.api.Role> roles,
            String partnerId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public java.util.Optional<UserAccount> account(Caller caller, String username) {
        throw new UnsupportedOperationException();
    }

    @Override
    public UserAccount setEmail(Caller caller, String username, String email) {
        throw new UnsupportedOperationException();
    }
}
