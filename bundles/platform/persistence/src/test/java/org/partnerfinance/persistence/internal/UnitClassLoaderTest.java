package org.partnerfinance.persistence.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.fail;

import java.math.BigDecimal;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;

import org.junit.Test;
import org.partnerfinance.persistence.api.Jpa;
import org.partnerfinance.persistence.internal.fixtures.LedgerLine;

/**
 * EclipseLink with an owner class loader that, like an OSGi bundle, sees its own classes and the JPA API but not
 * EclipseLink's packages.
 */
public class UnitClassLoaderTest {

    /** Loads the test classes itself; delegates only java.* and jakarta.persistence.* (the bundle's imports). */
    static final class BundleLikeLoader extends URLClassLoader {
        private final ClassLoader imports = UnitClassLoaderTest.class.getClassLoader();

        BundleLikeLoader(URL classes) {
            super(new URL[] {classes}, null);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                if (name.startsWith("jakarta.persistence.")) {
                    return imports.loadClass(name);
                }
                if (name.startsWith("org.eclipse.persistence.")) {
                    throw new ClassNotFoundException(name + " is not imported by this bundle");
                }
                return super.loadClass(name, resolve);
            }
        }
    }

    @Test
    public void eclipseLinkFindsItsOwnClassesAndTheBundlesEntities() throws Exception {
        URL testClasses = LedgerLine.class.getProtectionDomain().getCodeSource().getLocation();
        try (BundleLikeLoader bundle = new BundleLikeLoader(testClasses)) {
            Class<?> entity = bundle.loadClass(LedgerLine.class.getName());
            try {
                bundle.loadClass("org.eclipse.persistence.platform.database.DerbyPlatform");
                fail("the loader must not see EclipseLink");
            } catch (ClassNotFoundException expected) {
                // like an entity bundle that does not import EclipseLink packages
            }
            String url = "jdbc:derby:memory:cl-" + System.nanoTime() + ";create=true";
            PersistenceEngine engine = Databases.open(url, null, null, new DriverRegistry(), java.time.Duration.ZERO);
            try {
                Jpa jpa = engine.open("ledgertest", new ClassLoaderUnitResources(bundle, testClasses, "bundle-like"),
                        List.of(LedgerLine.class.getName()), "db/ledgertest");
                Object line = entity.getConstructor(String.class, BigDecimal.class).newInstance("4000", BigDecimal.ONE);
                jpa.tx(em -> {
                    em.persist(line);
                    return null;
                });
                Object loaded = jpa.tx(em -> em.createQuery("SELECT l FROM LedgerLine l").getSingleResult());
                assertSame("entities are the bundle's classes", entity, loaded.getClass());
                assertEquals(1L, (long) jpa.tx(em -> em.createQuery("SELECT COUNT(l) FROM LedgerLine l",
                        Long.class).getSingleResult()));
                jpa.close();
            } finally {
                engine.close();
                DerbyDatabase.parse(url, null, null).drop();
            }
        }
    }
}
