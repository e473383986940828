package org.partnerfinance.notifications.api;

import java.time.Instant;
import java.util.Objects;

/**
 * One notification in a user's inbox.
 *
 * @param id        its id
 * @param recipient the user name it is for
 * @param kind      what kind of thing happened, e.g. {@link NotificationKind#CLAIM_STATUS}; the unit of the user's
 *                  e-mail preferences
 * @param title     one line, e.g. {@code Claim CLM-000042 approved}
 * @param text      a few sentences; plain text (shown with setText, never as HTML)
 * @param link      a portal route to open, e.g. {@code claims/detail?id=42}; {@code null} when there is none
 * @param created   when it was made
 * @param read      whether the recipient has read it
 */
public record Notification(long id, String recipient, String kind, String title, String text, String link,
        Instant created, boolean read) {

    public Notification {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
        text = text == null ? "" : text;
        Objects.requireNonNull(created, "created");
    }
}
