package org.partnerfinance.persistence.internal;

import java.time.Duration;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jdbc.DataSourceFactory;
import org.osgi.service.metatype.annotations.Designate;
import org.partnerfinance.persistence.api.Jpa;
import org.partnerfinance.persistence.api.PersistenceService;
import org.partnerfinance.persistence.api.PersistenceUnitSpec;
import org.partnerfinance.persistence.api.UnitOfWork;
import org.partnerfinance.persistence.api.Work;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The portal's persistence service: the configured database, the unit of work shared by every bundle and the
 * persistence units that bundles open. A configuration change (e.g. a new JDBC URL) re-creates the component, which
 * also restarts every component that depends on it, so all units move to the new database together.
 */
@Component(service = {PersistenceService.class, UnitOfWork.class}, configurationPid = PersistenceComponent.PID)
@Designate(ocd = PersistenceConfig.class)
public final class PersistenceComponent implements PersistenceService, UnitOfWork {

    static final String PID = "org.partnerfinance.persistence";

    private static final Logger LOG = LoggerFactory.getLogger(PersistenceComponent.class);

    private final DriverRegistry drivers = new DriverRegistry();
    private volatile PersistenceEngine engine;

    @Reference(service = DataSourceFactory.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
            unbind = "unbindDataSourceFactory")
    void bindDataSourceFactory(DataSourceFactory factory, Map<String, Object> properties) {
        drivers.add(factory, properties);
    }

    void unbindDataSourceFactory(DataSourceFactory factory) {
        drivers.remove(factory);
    }

    @Activate
    void activate(PersistenceConfig config, Map<String, Object> properties) {
        String url = config.jdbc_url().isBlank() ? Databases.defaultUrl(System.getProperty("karaf.data"))
                : config.jdbc_url().trim();
        String password = config._jdbc_password();
        Object published = properties.get("jdbc.password");
        if (password.isEmpty() && published != null) {
            LOG.warn("jdbc.password in {} is published as a service property: rename it to .jdbc.password", PID);
            password = String.valueOf(published);
        }
        routeDerbyLog(url);
        widenDerbyIdentityRanges(url);
        engine = Databases.open(url, config.jdbc_user(), password, drivers,
                Duration.ofSeconds(Math.max(0, config.jdbc_driver_wait_seconds())), config.jdbc_pool_size());
        LOG.info("Persistence service started on {}", engine.describe());
    }

    /**
     * Embedded Derby writes its engine log to {@code derby.log} in the working directory unless told otherwise; keep it
     * beside Karaf's own log. An operator's explicit {@code derby.stream.error.file} wins.
     */
    private static void routeDerbyLog(String url) {
        String data = System.getProperty("karaf.data");
        if (url.startsWith("jdbc:derby:") && data != null && System.getProperty("derby.stream.error.file") == null) {
            System.setProperty("derby.stream.error.file", java.nio.file.Path.of(data, "log", "derby.log").toString());
        }
    }

    /**
     * Derby hands out identity values from ranges it preallocates in a nested transaction that does not wait for
     * locks; with its default range of 100, two transactions inserting at the same moment (e.g. two partners submitting
     * claims) can fail at once with "A lock could not be obtained" (DERBY-7002). Larger ranges make that contention
     * rarer, but a range is also allocated anew after every dictionary cache clear (DDL, index statistics refreshes),
     * so it cannot be avoided: the unit of work runs again on Derby's transient lock failures (see ThreadUnitOfWork).
     * An operator's explicit {@code derby.language.sequence.preallocator} wins.
     */
    private static void widenDerbyIdentityRanges(String url) {
        if (url.startsWith("jdbc:derby:") && System.getProperty("derby.language.sequence.preallocator") == null) {
            System.setProperty("derby.language.sequence.preallocator", "1000");
        }
    }

    @Deactivate
    void deactivate() {
        PersistenceEngine e = engine;
        if (e != null) {
            e.close();
            LOG.info("Persistence service stopped ({})", e.describe());
        }
    }

    @Override
    public Jpa open(PersistenceUnitSpec spec) {
        return engine.open(spec.name(), new BundleUnitResources(spec.bundle()), spec.entityClasses(),
                spec.migrationFolder());
    }

    @Override
    public String describe() {
        return engine.describe();
    }

    @Override
    public <T> T required(Work<T> work) {
        return engine.unitOfWork().required(work);
    }

    @Override
    public <T> T savepoint(Work<T> work) {
        return engine.unitOfWork().savepoint(work);
    }

    @Override
    public boolean active() {
        return engine.unitOfWork().active();
    }

    @Override
    public void setRollbackOnly() {
        engine.unitOfWork().setRollbackOnly();
    }

    @Override
    public void afterCommit(Runnable action) {
        engine.unitOfWork().afterCommit(action);
    }
}
