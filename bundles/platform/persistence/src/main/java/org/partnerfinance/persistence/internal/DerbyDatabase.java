package org.partnerfinance.persistence.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded Derby database addressed by a {@code jdbc:derby:} URL, opened through
 * {@link EmbeddedDataSource} (no DriverManager, which does not see bundle class loaders).
 */
final class DerbyDatabase {

    private static final Logger LOG = LoggerFactory.getLogger(DerbyDatabase.class);

    /** SQL states Derby reports for a successful shutdown of one database (08006) or the whole engine (XJ015). */
    private static final List<String> SHUTDOWN_STATES = List.of("08006", "XJ015", "45000");

    private final String databaseName;
    private final boolean create;
    private final String attributes;
    private final String user;
    private final String password;

    private DerbyDatabase(String databaseName, boolean create, String attributes, String user, String password) {
        this.databaseName = databaseName;
        this.create = create;
        this.attributes = attributes;
        this.user = user;
        this.password = password;
    }

    /**
     * Parses {@code jdbc:derby:<name>[;attr=value]...}. The {@code create=true} attribute becomes the data source's
     * createDatabase property; other attributes are passed as connection attributes.
     */
    static DerbyDatabase parse(String url, String user, String password) {
        if (!url.regionMatches(true, 0, "jdbc:derby:", 0, "jdbc:derby:".length())) {
            throw new IllegalArgumentException("Not an embedded Derby URL: " + url);
        }
        String rest = url.substring("jdbc:derby:".length());
        if (rest.startsWith("//")) {
            throw new IllegalArgumentException("Derby network URLs (jdbc:derby://host/...) are not supported: "
                    + "use an embedded URL such as jdbc:derby:/path/to/db;create=true");
        }
        String[] parts = rest.split(";");
        String name = parts[0].trim();
        if (name.isEmpty()) {
            throw new IllegalArgumentException("The Derby URL names no database: " + url);
        }
        boolean create = false;
        List<String> others = new ArrayList<>();
        for (int i = 1; i < parts.length; i++) {
            String attr = parts[i].trim();
            if (attr.isEmpty()) {
                continue;
            }
            String lower = attr.toLowerCase(Locale.ROOT);
            if (lower.equals("create=true")) {
                create = true;
            } else if (lower.startsWith("user=") && isBlank(user)) {
                user = attr.substring("user=".length());
            } else if (lower.startsWith("password=") && isBlank(password)) {
                password = attr.substring("password=".length());
            } else {
                others.add(attr);
            }
        }
        return new DerbyDatabase(name, create, String.join(";", others), blankToNull(user), blankToNull(password));
    }

    String databaseName() {
        return databaseName;
    }

    DataSource dataSource() {
        EmbeddedDataSource ds = base();
        if (create) {
            ds.setCreateDatabase("create");
        }
        if (!attributes.isEmpty()) {
            ds.setConnectionAttributes(attributes);
        }
        return ds;
    }

    /**
     * How long a shutdown may take before the portal stops without it. A checkpoint of a healthy database takes
     * seconds; a shutdown that waits for a page latch nobody will release (seen after a thread was interrupted in the
     * middle of a write) would otherwise hang Karaf's stop for ever. Derby recovers from its transaction log at the next
     * start, so stopping without a clean shutdown loses nothing that was committed.
     */
    static final long SHUTDOWN_TIMEOUT_SECONDS = 60;

    /**
     * Shuts this database down so that its files are closed cleanly, waiting at most
     * {@link #SHUTDOWN_TIMEOUT_SECONDS}. Failures are logged, not thrown.
     */
    void shutdown() {
        shutdown(SHUTDOWN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    void shutdown(long timeout, TimeUnit unit) {
        if (!runBounded("pf-derby-shutdown-" + databaseName, this::shutdownNow, timeout, unit)) {
            LOG.error("Derby database {} did not shut down within {} {}; stopping without a clean shutdown (Derby "
                    + "recovers from its transaction log at the next start)", databaseName, timeout,
                    unit.name().toLowerCase(Locale.ROOT));
        }
    }

    /**
     * Runs the work in a thread of its own and waits for it at most the given time: true when it finished. The thread
     * is a daemon, so work that never returns does not keep the JVM from exiting.
     */
    static boolean runBounded(String threadName, Runnable work, long timeout, TimeUnit unit) {
        Thread thread = new Thread(work, threadName);
        thread.setDaemon(true);
        thread.start();
        try {
            thread.join(Math.max(1, unit.toMillis(timeout))); // join(0) would wait for ever
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !thread.isAlive();
    }

    private void shutdownNow() {
        EmbeddedDataSource ds = base();
        ds.setShutdownDatabase("shutdown");
        try (Connection ignored = ds.getConnection()) {
            LOG.warn("Derby database {} did not report its shutdown", databaseName);
        } catch (SQLException e) {
            if (isShutdownState(e)) {
                LOG.info("Derby database {} shut down", databaseName);
            } else if ("XJ004".equals(e.getSQLState())) {
                LOG.debug("Derby database {} was not booted", databaseName);
            } else {
                LOG.warn("Derby database {} could not be shut down cleanly", databaseName, e);
            }
        }
    }

    /** Drops an in-memory database (tests); other databases are only shut down. */
    void drop() {
        if (!databaseName.startsWith("memory:")) {
            shutdown();
            return;
        }
        EmbeddedDataSource ds = base();
        ds.setConnectionAttributes("drop=true");
        try (Connection ignored = ds.getConnection()) {
            LOG.warn("Derby database {} was not dropped", databaseName);
        } catch (SQLException e) {
            if (!isShutdownState(e)) {
                LOG.warn("Derby database {} could not be dropped", databaseName, e);
            }
        }
    }

    static boolean isShutdownState(SQLException e) {
        return SHUTDOWN_STATES.contains(e.getSQLState());
    }

    private EmbeddedDataSource base() {
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName(databaseName);
        if (user != null) {
            ds.setUser(user);
        }
        if (password != null) {
            ds.setPassword(password);
        }
        return ds;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static String blankToNull(String s) {
        return isBlank(s) ? null : s;
    }
}
