package org.partnerfinance.persistence.internal;

import java.sql.Driver;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import javax.sql.DataSource;

import org.osgi.service.jdbc.DataSourceFactory;
import org.partnerfinance.persistence.api.PersistenceException;

/**
 * The JDBC drivers installed as {@link DataSourceFactory} services (PostgreSQL and other non-embedded databases).
 * A factory is chosen by asking its driver whether it accepts the URL; factories registered with {@code pooled=true}
 * (pax-jdbc-pool) are preferred.
 */
final class DriverRegistry {

    private final List<Entry> factories = new ArrayList<>();

    synchronized void add(DataSourceFactory factory, Map<String, Object> properties) {
        factories.add(new Entry(factory, properties));
        notifyAll();
    }

    synchronized void remove(DataSourceFactory factory) {
        factories.removeIf(e -> e.factory == factory);
    }

    synchronized boolean contains(DataSourceFactory factory) {
        return factories.stream().anyMatch(e -> e.factory == factory);
    }

    /** Finds a factory for the URL, waiting up to {@code wait} for one to be registered. */
    synchronized DataSourceFactory await(String url, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            DataSourceFactory found = find(url);
            if (found != null) {
                return found;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new PersistenceException(noDriverMessage(url));
            }
            try {
                long millis = Math.max(1, left / 1_000_000);
                wait(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PersistenceException(noDriverMessage(url));
            }
        }
    }

    static String noDriverMessage(String url) {
        return "No JDBC driver is installed for " + redactedPrefix(url) + ": install a bundle that registers an "
                + "org.osgi.service.jdbc.DataSourceFactory for it (for PostgreSQL the org.postgresql:postgresql "
                + "driver bundle, or pax-jdbc-postgresql), or switch jdbc.url in etc/org.partnerfinance.persistence.cfg "
                + "back to an embedded jdbc:derby: database";
    }

    private DataSourceFactory find(String url) {
        DataSourceFactory plain = null;
        for (Entry e : factories) {
            if (e.accepts(url)) {
                if (e.pooled) {
                    return e.factory;
                }
                if (plain == null) {
                    plain = e.factory;
                }
            }
        }
        return plain;
    }

    /** Creates a DataSource for the URL from the factory. */
    static DataSource createDataSource(DataSourceFactory factory, String url, String user, String password) {
        Properties props = new Properties();
        props.setProperty(DataSourceFactory.JDBC_URL, url);
        if (user != null && !user.isBlank()) {
            props.setProperty(DataSourceFactory.JDBC_USER, user);
        }
        if (password != null && !password.isEmpty()) {
            props.setProperty(DataSourceFactory.JDBC_PASSWORD, password);
        }
        try {
            return factory.createDataSource(props);
        } catch (SQLException e) {
            throw new PersistenceException("The JDBC driver cannot create a DataSource for " + redactedPrefix(url)
                    + ": " + e.getMessage(), e);
        }
    }

    private static String redactedPrefix(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }

    private static final class Entry {
        final DataSourceFactory factory;
        final boolean pooled;

        Entry(DataSourceFactory factory, Map<String, Object> properties) {
            this.factory = factory;
            this.pooled = "true".equals(String.valueOf(properties.get("pooled")));
        }

        boolean accepts(String url) {
            try {
                Driver driver = factory.createDriver(null);
                return driver != null && driver.acceptsURL(url);
            } catch (SQLException | RuntimeException e) {
                return false;
            }
        }
    }
}
