package org.partnerfinance.persistence.internal;

import java.net.URL;
import java.util.Objects;

/**
 * One Flyway SQL script of a persistence unit.
 *
 * @param fileName file name, e.g. {@code V1__users.sql}
 * @param url      where its content is read from (bundle entry, class path resource)
 */
record MigrationScript(String fileName, URL url) {
    MigrationScript {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(url, "url");
    }
}
