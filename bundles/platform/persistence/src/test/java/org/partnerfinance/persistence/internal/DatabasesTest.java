package org.partnerfinance.persistence.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.File;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.partnerfinance.persistence.api.PersistenceException;

/** URL handling, the embedded Derby lifecycle and the missing-driver error. */
public class DatabasesTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void defaultUrlLivesUnderTheKarafDataFolder() {
        assertEquals("jdbc:derby:/opt/karaf/data/derby/portal;create=true", Databases.defaultUrl("/opt/karaf/data/"));
        assertEquals("jdbc:derby:./data/derby/portal;create=true", Databases.defaultUrl(null));
    }

    @Test
    public void describeMasksPasswords() {
        assertEquals("jdbc:postgresql://db/portal?user=pf&password=*** (user pf)",
                Databases.describe("jdbc:postgresql://db/portal?user=pf&password=s3cret", "pf"));
        assertEquals("jdbc:derby:/x;create=true;password=***",
                Databases.describe("jdbc:derby:/x;create=true;password=s3cret", null));
    }

    @Test
    public void databaseKindFollowsTheUrl() {
        assertEquals(DatabaseKind.DERBY, DatabaseKind.fromUrl("jdbc:derby:memory:x"));
        assertEquals("Derby", DatabaseKind.DERBY.eclipseLinkTarget());
        assertEquals(DatabaseKind.POSTGRESQL, DatabaseKind.fromUrl("jdbc:postgresql://h/db"));
        assertEquals("PostgreSQL", DatabaseKind.POSTGRESQL.eclipseLinkTarget());
        assertNull(DatabaseKind.fromUrl("jdbc:h2:mem:x").eclipseLinkTarget());
    }

    @Test
    public void derbyUrlAttributesAreParsed() {
        DerbyDatabase d = DerbyDatabase.parse("jdbc:derby:memory:abc;create=true;territory=de_DE", null, null);
        assertEquals("memory:abc", d.databaseName());
        try {
            DerbyDatabase.parse("jdbc:derby://host:1527/db", null, null);
            fail();
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage().contains("network"));
        }
    }

    @Test
    public void embeddedDatabaseIsCreatedAndShutDownCleanly() throws SQLException {
        File dir = new File(tmp.getRoot(), "portal");
        String url = "jdbc:derby:" + dir.getAbsolutePath().replace('\\', '/') + ";create=true";
        PersistenceEngine engine = Databases.open(url, null, null, new DriverRegistry(), Duration.ZERO);
        assertTrue("Derby created the database folder", new File(dir, "service.properties").isFile());
        assertTrue("a booted database holds its lock file", new File(dir, "db.lck").isFile());
        try (Connection c = engine.transactionalDataSource().getConnection()) {
            assertTrue(c.isValid(1));
        }
        engine.close();
        assertFalse("a clean shutdown removes the lock file", new File(dir, "db.lck").exists());
        // and the database opens again
        PersistenceEngine again = Databases.open(url, null, null, new DriverRegistry(), Duration.ZERO);
        again.close();
    }

    @Test
    public void missingJdbcDriverGivesAClearError() throws SQLException {
        PersistenceEngine engine = Databases.open("jdbc:postgresql://localhost:5432/portal", "pf", "pw",
                new DriverRegistry(), Duration.ofMillis(50));
        assertTrue(engine.describe().startsWith("jdbc:postgresql://localhost:5432/portal"));
        assertEquals(DatabaseKind.POSTGRESQL, engine.kind());
        try (Connection c = engine.transactionalDataSource().getConnection()) {
            fail("no driver is installed");
        } catch (PersistenceException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith("No JDBC driver is installed for "
                    + "jdbc:postgresql://localhost:5432/portal"));
            assertTrue(e.getMessage(), e.getMessage().contains("DataSourceFactory"));
        }
        try {
            engine.unitOfWork().required(() -> null);
            fail();
        } catch (PersistenceException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("No JDBC driver"));
        }
        engine.close();
    }

    @Test
    public void pooledDriverFactoriesArePreferred() {
        DriverRegistry registry = new DriverRegistry();
        FakeFactory plain = new FakeFactory("jdbc:fake:");
        FakeFactory pooled = new FakeFactory("jdbc:fake:");
        FakeFactory other = new FakeFactory("jdbc:other:");
        registry.add(other, Map.of());
        registry.add(plain, Map.of());
        assertTrue(registry.await("jdbc:fake:db", Duration.ZERO) == plain);
        registry.add(pooled, Map.of("pooled", "true"));
        assertTrue(registry.await("jdbc:fake:db", Duration.ZERO) == pooled);
        registry.remove(pooled);
        assertTrue(registry.await("jdbc:fake:db", Duration.ZERO) == plain);
        assertFalse(registry.contains(pooled));
    }

    /** A DataSourceFactory whose driver accepts one URL prefix. */
    private static final class FakeFactory implements org.osgi.service.jdbc.DataSourceFactory {
        private final String prefix;

        FakeFactory(String prefix) {
            this.prefix = prefix;
        }

        @Override
        public java.sql.Driver createDriver(java.util.Properties props) {
            return (java.sql.Driver) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {java.sql.Driver.class}, (p, m, a) -> {
                        if (m.getName().equals("acceptsURL")) {
                            return ((String) a[0]).startsWith(prefix);
                        }
                        throw new UnsupportedOperationException(m.getName());
                    });
        }

        @Override
        public javax.sql.DataSource createDataSource(java.util.Properties props) {
            throw new UnsupportedOperationException();
        }

        @Override
        public javax.sql.ConnectionPoolDataSource createConnectionPoolDataSource(java.util.Properties props) {
            throw new UnsupportedOperationException();
        }

        @Override
        public javax.sql.XADataSource createXADataSource(java.util.Properties props) {
            throw new UnsupportedOperationException();
        }
    }
}
