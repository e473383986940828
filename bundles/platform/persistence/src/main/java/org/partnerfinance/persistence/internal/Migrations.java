package org.partnerfinance.persistence.internal;

import java.util.List;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.partnerfinance.persistence.api.PersistenceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the Flyway migrations of one persistence unit on the raw DataSource (never inside a unit of work). Each unit
 * keeps its own history table {@code flyway_<unit>}, so several units share one schema.
 */
final class Migrations {

    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

    private final DataSource rawDataSource;

    Migrations(DataSource rawDataSource) {
        this.rawDataSource = rawDataSource;
    }

    static String historyTable(String unit) {
        return "flyway_" + unit;
    }

    /** Applies the pending scripts and returns how many were applied. */
    int migrate(String unit, String folder, List<MigrationScript> scripts) {
        ClassLoader flywayLoader = Flyway.class.getClassLoader();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // Flyway looks some classes up through the context class loader; inside OSGi that must be the loader that
        // holds the embedded Flyway, not whatever the calling thread happens to carry.
        thread.setContextClassLoader(flywayLoader);
        try {
            Flyway flyway = Flyway.configure(flywayLoader)
                    .dataSource(rawDataSource)
                    .table(historyTable(unit))
                    .resourceProvider(new ScriptResourceProvider(folder, scripts))
                    .javaMigrationClassProvider(List::of)
                    .locations(folder)
                    // The schema is shared by every unit: a unit migrating for the first time finds other units'
                    // tables. Baselining at version 0 lets it start its own history and still run its V1 script.
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .baselineDescription("<< " + unit + " history created >>")
                    .validateMigrationNaming(true)
                    .cleanDisabled(true)
                    .loggers("slf4j")
                    .load();
            MigrateResult result = flyway.migrate();
            if (result.migrationsExecuted > 0) {
                LOG.info("Persistence unit {}: applied {} migration(s), schema now at version {}", unit,
                        result.migrationsExecuted, result.targetSchemaVersion);
            } else {
                LOG.debug("Persistence unit {}: schema up to date", unit);
            }
            return result.migrationsExecuted;
        } catch (RuntimeException e) {
            throw new PersistenceException("Migration of persistence unit '" + unit + "' failed: " + e.getMessage(), e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
