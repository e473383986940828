package org.partnerfinance.persistence.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.partnerfinance.persistence.api.PersistenceException;

/** Builds the {@link PersistenceEngine} for a configured JDBC URL. */
final class Databases {

    private static final Pattern PASSWORD = Pattern.compile("(?i)(password=)[^;&]*");

    /** Default maximum number of pooled connections to a non-embedded database. */
    static final int DEFAULT_POOL_SIZE = 10;

    static final String NO_DERBY = "jdbc.url is an embedded Derby database, but the Derby engine is not installed: "
            + "feature:install pf-derby, or set jdbc.url in etc/org.partnerfinance.persistence.cfg to the PostgreSQL "
            + "database";

    private Databases() {
    }

    /** The default database: embedded Derby under the Karaf data folder (or ./data outside Karaf). */
    static String defaultUrl(String karafData) {
        String data = karafData == null || karafData.isBlank() ? "./data" : karafData;
        data = data.replace('\\', '/');
        while (data.endsWith("/") && data.length() > 1) {
            data = data.substring(0, data.length() - 1);
        }
        return String.format(PersistenceConfig.DEFAULT_URL_PATTERN, data);
    }

    /** The URL with any password masked, plus the user, for operators. */
    static String describe(String url, String user) {
        String masked = PASSWORD.matcher(url).replaceAll("$1***");
        return user == null || user.isBlank() ? masked : masked + " (user " + user + ")";
    }

    /**
     * Opens the database. An embedded Derby database is booted (and created) at once, so that a wrong path or a
     * database locked by another process is reported when the service starts.
     */
    static PersistenceEngine open(String url, String user, String password, DriverRegistry drivers, Duration driverWait) {
        return open(url, user, password, drivers, driverWait, DEFAULT_POOL_SIZE);
    }

    /**
     * Opens the database; connections to a non-embedded database come from a pool of at most {@code poolSize}
     * (embedded Derby connections are cheap and not pooled).
     */
    static PersistenceEngine open(String url, String user, String password, DriverRegistry drivers, Duration driverWait,
            int poolSize) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("jdbc.url is empty");
        }
        DatabaseKind kind = DatabaseKind.fromUrl(url);
        String description = describe(url, user);
        if (kind == DatabaseKind.DERBY) {
            DerbyDatabase derby;
            try {
                derby = DerbyDatabase.parse(url, user, password);
            } catch (NoClassDefFoundError e) {
                // the Derby import is optional: a portal on PostgreSQL needs no Derby bundle
                throw new PersistenceException(NO_DERBY, e);
            }
            DataSource ds = derby.dataSource();
            try (Connection c = ds.getConnection()) {
                c.isValid(5);
            } catch (SQLException e) {
                throw new PersistenceException("Cannot open the embedded Derby database " + derby.databaseName() + ": "
                        + e.getMessage() + " (SQL state " + e.getSQLState() + ")", e);
            }
            return new PersistenceEngine(description, ds, kind, derby::shutdown);
        }
        PooledDriverDataSource pool = new PooledDriverDataSource(
                new DriverDataSource(drivers, url, user, password, driverWait), poolSize, driverWait);
        return new PersistenceEngine(description, pool, kind, pool::close);
    }
}
