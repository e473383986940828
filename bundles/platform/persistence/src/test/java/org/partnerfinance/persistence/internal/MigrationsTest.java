package org.partnerfinance.persistence.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.File;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.partnerfinance.persistence.api.Jpa;
import org.partnerfinance.persistence.api.PersistenceException;
import org.partnerfinance.persistence.internal.fixtures.AuditNote;
import org.partnerfinance.persistence.internal.fixtures.LedgerLine;

/** Flyway migrations per unit, from class path folders. */
public class MigrationsTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private final ClassLoaderUnitResources resources = new ClassLoaderUnitResources(getClass().getClassLoader(),
            getClass().getProtectionDomain().getCodeSource().getLocation(), "test");

    @Test
    public void scriptsAreListedFromTheFolder() {
        List<MigrationScript> scripts = resources.migrationScripts("db/ledgertest");
        assertEquals(2, scripts.size());
        assertTrue(scripts.stream().anyMatch(s -> s.fileName().equals("V1__lines.sql")));
        assertTrue(resources.migrationScripts("/db/ledgertest/").size() == 2);
        assertTrue(resources.migrationScripts("db/none").isEmpty());
    }

    @Test
    public void productScriptsComeFromTheProductSubFolderOnly() {
        List<MigrationScript> derby = PersistenceEngine.scriptsFor(resources, "db/dialecttest", DatabaseKind.DERBY);
        assertEquals(2, derby.size());
        assertTrue(derby.stream().anyMatch(s -> s.url().getPath().endsWith("/dialecttest/derby/V2__item_note.sql")));
        List<MigrationScript> pg = PersistenceEngine.scriptsFor(resources, "db/dialecttest", DatabaseKind.POSTGRESQL);
        assertTrue(pg.stream().anyMatch(s -> s.url().getPath().endsWith("/dialecttest/postgresql/V2__item_note.sql")));
        // an unknown product gets the portable scripts alone
        assertEquals(1, PersistenceEngine.scriptsFor(resources, "db/dialecttest", DatabaseKind.OTHER).size());
    }

    @Test
    public void aProductScriptRunsOnItsProduct() throws SQLException {
        try (TestPersistence db = TestPersistence.inMemory()) {
            db.open("dialecttest", "db/dialecttest", LedgerLine.class);
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO dialecttest_item (id, name, derby_note) VALUES (1, 'a', 'b')");
            }
        }
    }

    @Test
    public void aVersionInBothThePortableAndTheProductFolderIsRefused() {
        try {
            PersistenceEngine.scriptsFor(resources, "db/clashtest", DatabaseKind.DERBY);
            fail("expected the clash to be refused");
        } catch (PersistenceException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("V1__items_again.sql"));
        }
    }

    @Test
    public void aMigrationRunsOnlyOnce() throws SQLException {
        String url = "jdbc:derby:" + new File(tmp.getRoot(), "db").getAbsolutePath().replace('\\', '/')
                + ";create=true";
        DerbyDatabase derby = DerbyDatabase.parse(url, null, null);
        try {
            Migrations migrations = new Migrations(derby.dataSource());
            List<MigrationScript> scripts = resources.migrationScripts("db/ledgertest");
            assertEquals(2, migrations.migrate("ledgertest", "db/ledgertest", scripts));
            assertEquals(0, migrations.migrate("ledgertest", "db/ledgertest", scripts));
        } finally {
            derby.shutdown();
        }
        // after a restart of the database: still nothing to do, one history row per script
        try (TestPersistence db = TestPersistence.on(url)) {
            Jpa jpa = db.open("ledgertest", "db/ledgertest", LedgerLine.class);
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM \"flyway_ledgertest\" WHERE \"success\" = "
                            + "TRUE AND \"version\" = '1'")) {
                rs.next();
                assertEquals(1, rs.getInt(1));
            }
            jpa.close();
        }
    }

    @Test
    public void eachUnitHasItsOwnHistoryInTheSharedSchema() throws SQLException {
        try (TestPersistence db = TestPersistence.inMemory()) {
            db.open("ledgertest", "db/ledgertest", LedgerLine.class);
            // the schema is no longer empty: the second unit must still run its V1 script
            db.open("audittest", "db/audittest", AuditNote.class);
            try (Connection c = db.dataSource().getConnection()) {
                assertTrue(tableExists(c, "flyway_ledgertest"));
                assertTrue(tableExists(c, "flyway_audittest"));
                assertTrue(tableExists(c, "LEDGERTEST_LINE"));
                assertTrue(tableExists(c, "AUDITTEST_NOTE"));
            }
        }
    }

    @Test
    public void aFailedMigrationLeavesNothingBehindAndSaysWhichUnit() throws SQLException {
        try (TestPersistence db = TestPersistence.inMemory()) {
            try {
                db.open("broken", "db/broken", AuditNote.class);
                fail("expected the migration to fail");
            } catch (PersistenceException e) {
                assertTrue(e.getMessage(), e.getMessage().contains("'broken'"));
            }
            try (Connection c = db.dataSource().getConnection()) {
                assertFalse("Derby runs the script in one transaction", tableExists(c, "BROKEN_ONE"));
            }
        }
    }

    @Test
    public void aMissingMigrationFolderIsReported() {
        try (TestPersistence db = TestPersistence.inMemory()) {
            db.open("ledgertest", "db/typo", LedgerLine.class);
            fail();
        } catch (PersistenceException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("db/typo"));
        }
    }

    @Test
    public void unitNamesAreValidated() {
        try (TestPersistence db = TestPersistence.inMemory()) {
            db.open("Ledger; DROP", "db/ledgertest", LedgerLine.class);
            fail();
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage().contains("Invalid persistence unit name"));
        }
    }

    private static boolean tableExists(Connection c, String name) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        try (ResultSet rs = md.getTables(null, null, name, null)) {
            return rs.next();
        }
    }
}
