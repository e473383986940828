package org.partnerfinance.notifications.api;

import java.util.List;
import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;
import org.partnerfinance.security.api.AccessDeniedException;
import org.partnerfinance.security.api.Caller;

/**
 * The signed-in user's notifications (the bell) and e-mail preferences. Every method acts on the caller's own inbox
 * only; another user's notification id answers like a missing one.
 *
 * @throws AccessDeniedException from every method for a caller who is not signed in or must change the password first
 */
@ProviderType
public interface Notifications {

    /** The caller's notifications, newest first, from {@code offset} (0-based), at most {@code limit} (≤ 200). */
    List<Notification> inbox(Caller caller, int offset, int limit);

    /** How many of the caller's notifications are unread. */
    long unreadCount(Caller caller);

    /**
     * Marks one of the caller's notifications read.
     *
     * @return the notification as it is now
     * @throws IllegalArgumentException when the caller has no notification with this id
     */
    Notification markRead(Caller caller, long id);

    /** Marks all of the caller's notifications read; returns how many were unread. */
    int markAllRead(Caller caller);

    /**
     * The kinds the caller can choose from: the portal's own that concern the caller's side (partner or staff) and any
     * other kind the caller has received.
     */
    List<NotificationKind> kinds(Caller caller);

    /**
     * Whether the caller gets each kind by e-mail (kind id → yes/no). Kinds without a stored choice are e-mailed.
     */
    Map<String, Boolean> emailPreferences(Caller caller);

    /** Stores the caller's choice for one kind. Audited. */
    void setEmailPreference(Caller caller, String kind, boolean email);

    /** Whether the portal sends e-mails at all (SMTP configured and switched on by the operator). */
    boolean mailEnabled();
}
