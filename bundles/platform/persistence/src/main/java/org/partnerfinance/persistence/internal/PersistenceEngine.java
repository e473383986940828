package org.partnerfinance.persistence.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import jakarta.persistence.EntityManagerFactory;

import org.partnerfinance.persistence.api.Jpa;
import org.partnerfinance.persistence.api.PersistenceException;
import org.partnerfinance.persistence.api.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The persistence machinery for one database, free of OSGi: the unit of work, its transaction-aware DataSource,
 * migrations and EntityManagerFactory creation. The DS component wraps it; unit tests use it directly.
 */
final class PersistenceEngine implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PersistenceEngine.class);
    private static final Pattern UNIT_NAME = Pattern.compile("[a-z][a-z0-9_]{0,39}");
    /** How often a unit of work is run in all on Derby when it keeps failing with transient lock failures. */
    static final int DERBY_ATTEMPTS = 5;

    private final String description;
    private final DatabaseKind kind;
    private final ThreadUnitOfWork unitOfWork;
    private final TransactionAwareDataSource transactionalDataSource;
    private final Migrations migrations;
    private final EntityManagerFactoryBuilder emfBuilder;
    private final Runnable onClose;
    private final Set<JpaUnit> openUnits = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /**
     * @param description what {@code describe()} shows (URL without password)
     * @param rawDataSource the database's own DataSource
     * @param kind          database product
     * @param onClose       run after every unit has been closed (e.g. shut an embedded database down)
     */
    PersistenceEngine(String description, DataSource rawDataSource, DatabaseKind kind, Runnable onClose) {
        this.description = description;
        this.kind = kind;
        // Derby reports identity generation conflicts as lock timeouts at once; see ThreadUnitOfWork
        this.unitOfWork = new ThreadUnitOfWork(rawDataSource, kind == DatabaseKind.DERBY ? DERBY_ATTEMPTS : 1);
        this.transactionalDataSource = new TransactionAwareDataSource(unitOfWork);
        this.migrations = new Migrations(rawDataSource);
        this.emfBuilder = new EntityManagerFactoryBuilder(transactionalDataSource, kind);
        this.onClose = onClose;
    }

    UnitOfWork unitOfWork() {
        return unitOfWork;
    }

    DataSource transactionalDataSource() {
        return transactionalDataSource;
    }

    DatabaseKind kind() {
        return kind;
    }

    String describe() {
        return description;
    }

    /** Migrates the unit's schema (outside any unit of work), then creates its EntityManagerFactory. */
    Jpa open(String unit, UnitResources resources, List<String> entityClasses, String migrationFolder) {
        if (closed) {
            throw new PersistenceException("The persistence service is shut down");
        }
        if (unit == null || !UNIT_NAME.matcher(unit).matches()) {
            throw new IllegalArgumentException("Invalid persistence unit name '" + unit
                    + "': use lower-case letters, digits and '_', starting with a letter (at most 40 characters)");
        }
        if (unitOfWork.active()) {
            throw new PersistenceException("Persistence unit '" + unit + "' must not be opened inside a unit of work");
        }
        List<MigrationScript> scripts = scriptsFor(resources, migrationFolder, kind);
        if (scripts.isEmpty()) {
            throw new PersistenceException("No migration scripts (*.sql) found in folder '" + migrationFolder + "' of "
                    + resources.owner() + " for persistence unit '" + unit + "'");
        }
        migrations.migrate(unit, ClassLoaderUnitResources.trimSlashes(migrationFolder), scripts);
        EntityManagerFactory emf = emfBuilder.create(unit, resources.classLoader(), resources.rootUrl(), entityClasses);
        JpaUnit jpa = new JpaUnit(unit, emf, unitOfWork, openUnits::remove);
        openUnits.add(jpa);
        LOG.info("Persistence unit {} of {} opened ({} entities)", unit, resources.owner(), entityClasses.size());
        return jpa;
    }

    /**
     * The scripts of a unit on this database: the portable ones directly in the folder plus those in the folder's
     * product sub-folder (e.g. {@code db/audit/derby}). Both share one version sequence, so a version written per
     * product exists once in each product folder and never also in the portable folder.
     */
    static List<MigrationScript> scriptsFor(UnitResources resources, String folder, DatabaseKind kind) {
        List<MigrationScript> scripts = new ArrayList<>(resources.migrationScripts(folder));
        if (kind.scriptFolder() != null) {
            String dialectFolder = ClassLoaderUnitResources.trimSlashes(folder) + "/" + kind.scriptFolder();
            for (MigrationScript s : resources.migrationScripts(dialectFolder)) {
                String version = versionOf(s.fileName());
                for (MigrationScript portable : scripts) {
                    if (version != null && version.equals(versionOf(portable.fileName()))) {
                        throw new PersistenceException("Migration version " + version + " of folder '" + folder
                                + "' exists both as a portable script (" + portable.fileName() + ") and in '"
                                + dialectFolder + "' (" + s.fileName() + ") of " + resources.owner());
                    }
                }
                scripts.add(s);
            }
        }
        return scripts;
    }

    /** {@code V12__x.sql} gives {@code 12}; other names (repeatable scripts) give {@code null}. */
    private static String versionOf(String fileName) {
        int sep = fileName.indexOf("__");
        return fileName.startsWith("V") && sep > 1 ? fileName.substring(1, sep) : null;
    }

    /** Closes every unit that is still open, without complaint (test support). */
    void closeOpenUnits() {
        for (JpaUnit jpa : new ArrayList<>(openUnits)) {
            jpa.close();
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (JpaUnit jpa : new ArrayList<>(openUnits)) {
            LOG.warn("Persistence unit {} was still open when the persistence service stopped: closing it", jpa.name());
            jpa.close();
        }
        onClose.run();
    }
}
