package org.partnerfinance.notifications.api;

import java.util.Collection;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;
import org.partnerfinance.security.api.Role;

/**
 * How bundles notify users. A notification (and, when the portal sends e-mails and the recipient wants this kind by
 * e-mail and has an address, its e-mail in the outbox) is stored in the current unit of work, or in a new one: when
 * that rolls back, nothing was notified and nothing is sent. E-mails leave after the commit, from a sender thread that
 * retries; a failing mail server never fails or delays the caller.
 *
 * <p>Disabled and unknown users are skipped. The caller is responsible for what the message says: it must not contain
 * anything a recipient may not read.
 */
@ProviderType
public interface Notifier {

    /**
     * Notifies users by name.
     *
     * @return how many notifications were stored
     */
    int notifyUsers(Collection<String> usernames, Message message);

    /**
     * Notifies the enabled users holding at least one of the roles, of one partner organisation or, with
     * {@code partnerId} {@code null}, company staff (users of no partner), except the user named in {@code except}
     * (e.g. whoever caused the change; {@code null} for nobody).
     *
     * @return how many notifications were stored
     */
    int notifyRoles(Set<Role> roles, String partnerId, String except, Message message);
}
