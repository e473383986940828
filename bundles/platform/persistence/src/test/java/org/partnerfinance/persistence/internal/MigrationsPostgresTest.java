package org.partnerfinance.persistence.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.Test;
import org.partnerfinance.persistence.api.PersistenceException;
import org.partnerfinance.persistence.internal.fixtures.AuditNote;
import org.partnerfinance.persistence.internal.fixtures.LedgerLine;

/** Flyway migrations per unit on a real PostgreSQL server (see {@link MigrationsTest} for Derby). */
public class MigrationsPostgresTest {

    @Test
    public void thePostgresqlScriptRunsOnPostgresqlAndTheDerbyOneDoesNot() throws SQLException {
        try (TestPersistence db = TestPersistence.postgres()) {
            assertTrue(db.isPostgres());
            db.open("dialecttest", "db/dialecttest", LedgerLine.class);
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO dialecttest_item (id, name, pg_note) VALUES (1, 'a', 'b')");
                assertFalse(columnExists(c, "dialecttest_item", "derby_note"));
            }
        }
    }

    @Test
    public void eachUnitHasItsOwnQuotedHistoryTableInTheSharedSchema() throws SQLException {
        try (TestPersistence db = TestPersistence.postgres()) {
            db.open("ledgertest", "db/ledgertest", LedgerLine.class).close();
            db.open("audittest", "db/audittest", AuditNote.class).close();
            try (Connection c = db.dataSource().getConnection()) {
                assertTrue(tableExists(c, "flyway_ledgertest"));
                assertTrue(tableExists(c, "flyway_audittest"));
                assertTrue(tableExists(c, "ledgertest_line"));
                assertTrue(tableExists(c, "audittest_note"));
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM "
                        + "\"flyway_ledgertest\" WHERE \"success\" = TRUE AND \"version\" IN ('1', '2')")) {
                    rs.next();
                    assertEquals(2, rs.getInt(1));
                }
            }
            // opened again (a restart): nothing to migrate, nothing to complain about
            db.open("ledgertest", "db/ledgertest", LedgerLine.class).close();
        }
    }

    @Test
    public void aFailedMigrationLeavesNothingBehind() throws SQLException {
        try (TestPersistence db = TestPersistence.postgres()) {
            try {
                db.open("broken", "db/broken", AuditNote.class);
                fail("expected the migration to fail");
            } catch (PersistenceException e) {
                assertTrue(e.getMessage(), e.getMessage().contains("'broken'"));
            }
            try (Connection c = db.dataSource().getConnection()) {
                assertFalse("PostgreSQL runs the script in one transaction", tableExists(c, "broken_one"));
            }
        }
    }

    @Test
    public void aScriptMovedIntoTheProductFolderHasItsPostgresqlTwin() throws SQLException {
        try (TestPersistence db = TestPersistence.postgres()) {
            db.open("movetest", "db/moveafter", LedgerLine.class).close();
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO movetest_item (content, name) VALUES ('\\x00ff'::bytea, 'x')");
            }
        }
    }

    private static boolean tableExists(Connection c, String name) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        try (ResultSet rs = md.getTables(null, null, name, null)) {
            return rs.next();
        }
    }

    private static boolean columnExists(Connection c, String table, String column) throws SQLException {
        try (ResultSet rs = c.getMetaData().getColumns(null, null, table, column)) {
            return rs.next();
        }
    }
}
