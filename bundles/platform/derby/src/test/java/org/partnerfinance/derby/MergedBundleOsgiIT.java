package org.partnerfinance.derby;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;

import javax.sql.DataSource;

import org.junit.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

/**
 * The merged bundle resolves and starts in an OSGi framework (Felix, as in Karaf) with nothing but the JDK, and
 * a database is created through org.apache.derby.jdbc.EmbeddedDataSource loaded from the bundle.
 */
public class MergedBundleOsgiIT {

    @Test
    public void bundleResolvesStartsAndBootsADatabase() throws Exception {
        File work = new File(System.getProperty("test.work", "target/it-work"));
        File storage = new File(work, "felix-cache");
        File db = new File(work, "osgi-db-" + System.nanoTime());
        Map<String, String> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, storage.getAbsolutePath());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).iterator().next();
        Framework framework = factory.newFramework(config);
        framework.start();
        try {
            File jar = new File(System.getProperty("merged.bundle"));
            Bundle derby = framework.getBundleContext().installBundle(jar.toURI().toString());
            assertEquals("org.partnerfinance.derby", derby.getSymbolicName());
            assertEquals("10.16.1.1", derby.getVersion().toString());
            derby.start();
            assertEquals(Bundle.ACTIVE, derby.getState());

            Class<?> dsClass = derby.loadClass("org.apache.derby.jdbc.EmbeddedDataSource");
            assertTrue("loaded by the bundle, not the test class path",
                    dsClass.getClassLoader() != getClass().getClassLoader());
            DataSource ds = (DataSource) dsClass.getConstructor().newInstance();
            dsClass.getMethod("setDatabaseName", String.class).invoke(ds, db.getAbsolutePath());
            dsClass.getMethod("setCreateDatabase", String.class).invoke(ds, "create");
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE t (v INT)");
                s.executeUpdate("INSERT INTO t VALUES (41), (1)");
                try (ResultSet rs = s.executeQuery("SELECT SUM(v) FROM t")) {
                    rs.next();
                    assertEquals(42, rs.getInt(1));
                }
            }
            assertTrue("the booted database holds its lock file", new File(db, "db.lck").isFile());

            // stopping the bundle shuts the engine down cleanly (Derby's own activator): the lock file goes away
            derby.stop();
            assertTrue("clean shutdown when the bundle stops", !new File(db, "db.lck").exists());
        } finally {
            framework.stop();
            framework.waitForStop(10_000);
        }
    }
}
