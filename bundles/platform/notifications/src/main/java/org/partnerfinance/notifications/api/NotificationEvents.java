package org.partnerfinance.notifications.api;

/**
 * Posted on Event Admin after notifications were stored or read (after the commit), so that open bells refresh.
 * Carries no content: listeners re-read the inbox with their own caller.
 */
public final class NotificationEvents {

    /** Topic of every change of a user's inbox. */
    public static final String TOPIC = "org/partnerfinance/notifications/CHANGED";
    /** Event property: the recipient's user name. */
    public static final String RECIPIENT = "recipient";
    /** Event property: the recipient's partner id, absent for company staff. */
    public static final String PARTNER = "partner";

    private NotificationEvents() {
    }
}
