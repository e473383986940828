package org.partnerfinance.claims.internal;

import static org.junit.Assert.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.Test;
import org.partnerfinance.persistence.api.PersistenceUnitSpec;
import org.partnerfinance.persistence.internal.TestPersistence;

/**
 * V1 of the claims unit moved into db/claims/derby when it got a PostgreSQL twin (BYTEA instead of BLOB). Derby
 * databases created before the move recorded its checksum; Flyway refuses to start if the moved script's checksum
 * differs, so it must stay the released one.
 */
public class ClaimsMigrationLayoutTest {

    /** Flyway's checksum of V1__claims.sql as released (before the move), recorded in every existing database. */
    private static final int RELEASED_V1_CHECKSUM = -1633830681;

    @Test
    public void theMovedDerbyScriptKeepsTheReleasedChecksum() throws SQLException {
        try (TestPersistence db = TestPersistence.inMemory()) {
            db.persistenceService().open(new PersistenceUnitSpec(ClaimServiceImpl.UNIT,
                    TestPersistence.bundleOf(ClaimServiceImpl.class), ClaimServiceImpl.ENTITY_CLASSES, "db/claims"));
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT \"checksum\", \"script\" FROM \"flyway_claims\" "
                            + "WHERE \"version\" = '1'")) {
                rs.next();
                assertEquals("V1__claims.sql", rs.getString(2));
                assertEquals(RELEASED_V1_CHECKSUM, rs.getInt(1));
            }
        }
    }
}
