package org.partnerfinance.notifications.internal;

import java.time.Duration;
import java.util.Objects;

/**
 * How e-mails are sent: the SMTP server, the sender address and the retry policy (exponential backoff from
 * {@code firstRetry}, doubled per failed attempt up to {@code longestRetry}; after {@code maxAttempts} the e-mail is
 * marked failed and kept).
 */
record MailSettings(String host, int port, String from, boolean starttls, String user, String password,
        Duration timeout, int maxAttempts, Duration firstRetry, Duration longestRetry, Duration poll,
        String portalUrl) {

    MailSettings {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("mail.host is required when e-mail is enabled");
        }
        if (port <= 0 || port > 65535) {
            throw new IllegalArgumentException("mail.port must be 1-65535, was " + port);
        }
        if (from == null || from.isBlank()) {
            throw new IllegalArgumentException("mail.from is required when e-mail is enabled");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("retry.max.attempts must be at least 1");
        }
        user = user == null || user.isBlank() ? null : user.trim();
        password = password == null ? "" : password;
    }

    /** The wait before the next attempt after {@code attempts} failed ones (1 → firstRetry, 2 → twice, ...). */
    Duration backoff(int attempts) {
        Duration wait = firstRetry;
        for (int i = 1; i < attempts && wait.compareTo(longestRetry) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(longestRetry) > 0 ? longestRetry : wait;
    }

    @Override
    public String toString() {
        // never the password (logs)
        return "smtp://" + (user == null ? "" : user + "@") + host + ":" + port + (starttls ? " (STARTTLS)" : "")
                + " from " + from;
    }
}
