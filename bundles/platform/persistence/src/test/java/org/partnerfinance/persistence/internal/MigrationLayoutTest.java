package org.partnerfinance.persistence.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.partnerfinance.persistence.api.PersistenceException;
import org.partnerfinance.persistence.internal.fixtures.LedgerLine;

/**
 * A released script moved unchanged into the unit's {@code derby/} folder (because its PostgreSQL twin must differ)
 * keeps working on a Derby database migrated with the old layout: Flyway's validation compares version, description,
 * type and checksum, and the checksum is computed from the script's lines, not its path.
 */
public class MigrationLayoutTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void aScriptMovedUnchangedIntoTheDerbyFolderPassesValidationOnAnExistingDatabase() throws Exception {
        assertArrayEquals("the moved script is byte for byte the released one", bytes("db/movebefore/V1__items.sql"),
                bytes("db/moveafter/derby/V1__items.sql"));
        String url = fileDatabase();
        try (TestPersistence db = TestPersistence.on(url)) {
            db.open("movetest", "db/movebefore", LedgerLine.class);
        }
        List<String> before = history(url);
        assertEquals(List.of("1|items|" + checksumOf(before, "1")), before);

        // the new layout: V1 now in derby/ (and postgresql/), a new portable V2
        try (TestPersistence db = TestPersistence.on(url)) {
            db.open("movetest", "db/moveafter", LedgerLine.class);
        }
        List<String> after = history(url);
        assertEquals("V1 is not applied again and keeps its checksum, V2 is applied",
                List.of(before.get(0), "2|item name|" + checksumOf(after, "2")), after);
        // and again: nothing to do, nothing to complain about
        try (TestPersistence db = TestPersistence.on(url)) {
            db.open("movetest", "db/moveafter", LedgerLine.class);
        }
        assertEquals(after, history(url));
    }

    @Test
    public void aScriptChangedWhileMovedIsRefusedOnAnExistingDatabase() throws Exception {
        String url = fileDatabase();
        try (TestPersistence db = TestPersistence.on(url)) {
            db.open("movetest", "db/movebefore", LedgerLine.class);
        }
        try (TestPersistence db = TestPersistence.on(url)) {
            db.open("movetest", "db/movechanged", LedgerLine.class);
            fail("a changed released script must be refused");
        } catch (PersistenceException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("checksum mismatch"));
        }
    }

    private String fileDatabase() {
        return "jdbc:derby:" + new File(tmp.getRoot(), "db").getAbsolutePath().replace('\\', '/') + ";create=true";
    }

    /** The Flyway history of the unit as "version|description|checksum" lines, in order. */
    private static List<String> history(String url) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (TestPersistence db = TestPersistence.on(url); Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT \"version\", \"description\", \"checksum\", \"success\" "
                        + "FROM \"flyway_movetest\" ORDER BY \"installed_rank\"")) {
            while (rs.next()) {
                assertTrue(rs.getBoolean(4));
                rows.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getObject(3));
            }
        }
        return rows;
    }

    private static String checksumOf(List<String> history, String version) {
        return history.stream().filter(r -> r.startsWith(version + "|")).findFirst()
                .map(r -> r.substring(r.lastIndexOf('|') + 1)).orElse("missing");
    }

    private byte[] bytes(String resource) throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
            return in.readAllBytes();
        }
    }
}
