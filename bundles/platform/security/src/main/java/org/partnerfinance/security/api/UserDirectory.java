package org.partnerfinance.security.api;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The portal's own users: slow-KDF password hashes, a password policy, one-time passwords, sign-in throttling by
 * user name and by source address, and the user lifecycle. Every method that changes a user checks the caller here,
 * in the service, and records an audit event in the same unit of work as the change.
 *
 * <p>Who may manage whom: administrators manage every user; a partner administrator manages the users of their own
 * partner organisation only, and only with partner roles. Nobody can lock themselves out: an administrator can neither
 * disable themselves nor drop their own administrator role, and the last enabled administrator stays one.
 *
 * <p>A caller with {@link Caller#mustChangePassword()} may only call {@link #changeOwnPassword}; every other method
 * refuses it with {@link AccessDeniedException}.
 */
@ProviderType
public interface UserDirectory {

    /**
     * Checks a user name and password. Attempts are refused without checking the password while the user name or the
     * source address is throttled after too many failures (state kept in the database, so it holds across restarts
     * and nodes), or while too many passwords are being checked at once ({@link LoginResult.Status#BUSY}). Unknown
     * user names cost as much as known ones and get the same answer as a wrong password. A successful sign-in with a
     * one-time password yields a caller that must change its password. Every sign-in, failed sign-in and start of a
     * refusal period is audited with the source address (never the password).
     *
     * @param sourceAddress the client's address as the portal sees it (e.g. the HTTP request's remote address);
     *                      {@code null} or blank counts as one shared "unknown" address
     */
    LoginResult login(String username, char[] password, String sourceAddress);

    /**
     * Looks an enabled user up again by name (e.g. to refresh the roles of an open session); empty if the user does
     * not exist or is disabled. The result reflects the stored record at the time of the call.
     */
    Optional<Caller> find(String username);

    /**
     * Creates a user with the given password (checked against the password policy).
     *
     * @throws AccessDeniedException    if the caller may not create this user
     * @throws IllegalArgumentException for an invalid or duplicate user name, empty or mixed roles, an unknown partner
     *                                  or a password the policy refuses
     * @throws IllegalStateException    for a partner user while no {@link PartnerDirectory} is available
     */
    UserAccount create(Caller caller, String username, String displayName, char[] password, Set<Role> roles,
            String partnerId);

    /**
     * Creates a user with a generated one-time password: the user must choose their own password at the first
     * sign-in. Same rules and exceptions as {@link #create}.
     */
    OneTimePassword createWithOneTimePassword(Caller caller, String username, String displayName, Set<Role> roles,
            String partnerId);

    /** Lists users: all for administrators, a partner's own for partner administrators. */
    List<UserAccount> list(Caller caller);

    /** Whether a user with this name exists (used by demo data to stay idempotent). */
    boolean exists(String username);

    /**
     * Changes the caller's own password. The current password (or the one-time password) is required; the new one
     * must pass the policy and differ from the current one. Afterwards the one-time password no longer works.
     *
     * @return the caller as it is now (no longer bound to change its password)
     * @throws AccessDeniedException    if the current password is wrong or the account is disabled
     * @throws IllegalArgumentException if the policy refuses the new password
     */
    Caller changeOwnPassword(Caller caller, char[] currentPassword, char[] newPassword);

    /**
     * Changes a user's display name ({@code null} keeps it; blank sets it to the user name) and roles. A partner
     * administrator may give only partner roles to users of their own partner; staff and partner roles are never
     * mixed.
     *
     * @throws AccessDeniedException    if the caller may not manage this user, or would drop their own administrator
     *                                  role or leave the portal without an enabled administrator
     * @throws IllegalArgumentException for an unknown user, invalid name or roles
     */
    UserAccount update(Caller caller, String username, String displayName, Set<Role> roles);

    /**
     * Enables or disables a user. A disabled user cannot sign in and their open sessions end within seconds.
     *
     * @throws AccessDeniedException    if the caller may not manage this user, disables themselves or the last
     *                                  enabled administrator
     * @throws IllegalArgumentException for an unknown user
     */
    UserAccount setEnabled(Caller caller, String username, boolean enabled);

    /**
     * Replaces a user's password with a generated one-time password (the user must choose a new one at the next
     * sign-in) and clears the user's sign-in throttling.
     *
     * @throws AccessDeniedException    if the caller may not manage this user
     * @throws IllegalArgumentException for an unknown user
     */
    OneTimePassword resetPassword(Caller caller, String username);

    /**
     * Ends the refusal period of a user name that was throttled after too many failed sign-ins (throttling of source
     * addresses is not affected).
     *
     * @throws AccessDeniedException    if the caller may not manage this user
     * @throws IllegalArgumentException for an unknown user
     */
    UserAccount unlock(Caller caller, String username);

    /**
     * The enabled users holding at least one of the roles, e.g. to tell them about new work. Only administrators (and
     * the platform's own {@link Caller#system()}) may list users across partners this way.
     *
     * @param partnerId only users of this partner organisation; {@code null} for users of any partner and staff
     * @throws AccessDeniedException if the caller is not an administrator
     */
    List<UserAccount> usersWithRoles(Caller caller, Set<Role> roles, String partnerId);

    /**
     * One user's account, e-mail address included: the caller's own, or one the caller may manage (administrators:
     * everybody; partner administrators: their partner's users). Empty for an unknown user and for one the caller may
     * not see (the same answer).
     */
    Optional<UserAccount> account(Caller caller, String username);

    /**
     * Sets a user's e-mail address for notifications ({@code null} or blank removes it). Users set their own;
     * administrators and partner administrators those they manage. Audited with the change.
     *
     * @throws AccessDeniedException    if the caller may not manage this user
     * @throws IllegalArgumentException for an unknown user or an address that is not a plain e-mail address
     */
    UserAccount setEmail(Caller caller, String username, String email);
}
