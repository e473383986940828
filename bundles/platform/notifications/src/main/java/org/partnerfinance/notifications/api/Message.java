package org.partnerfinance.notifications.api;

import java.util.Objects;

/**
 * What a bundle tells users through the {@link Notifier}. Say only what every recipient may read: a notification is
 * shown (and e-mailed) as it is.
 *
 * @param kind  the kind, e.g. {@link NotificationKind#CLAIM_STATUS} (ids of at most 64 characters)
 * @param title one line (at most 200 characters, longer titles are cut)
 * @param text  plain text (at most 2,000 characters, longer texts are cut); may be empty
 * @param link  a portal route, relative to the portal's base address, without a leading slash (e.g.
 *              {@code claims/detail?id=42}); {@code null} for none
 */
public record Message(String kind, String title, String text, String link) {

    public Message {
        Objects.requireNonNull(kind, "kind");
        if (kind.isBlank() || kind.length() > 64) {
            throw new IllegalArgumentException("A notification kind is 1 to 64 characters long.");
        }
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("A notification needs a title.");
        }
        text = text == null ? "" : text;
        if (link != null && (link.startsWith("/") || link.contains("://") || link.length() > 400)) {
            throw new IllegalArgumentException("A notification link is a portal route such as claims/detail?id=42.");
        }
    }
}
