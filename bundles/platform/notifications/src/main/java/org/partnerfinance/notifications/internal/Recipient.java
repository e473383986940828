package org.partnerfinance.notifications.internal;

import java.util.Objects;

/** Someone to notify, as the user directory knows them: partner ({@code null} for staff) and e-mail address. */
record Recipient(String username, String partnerId, String email) {
    Recipient {
        Objects.requireNonNull(username, "username");
    }
}
