package org.partnerfinance.audit.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.sql.SQLException;

import org.junit.Test;
import org.partnerfinance.persistence.internal.TestPersistence;

/** The audit trail tests on a real PostgreSQL server, with the PostgreSQL migration scripts. */
public class AuditTrailDbPostgresTest extends AuditTrailDbTest {

    @Override
    protected TestPersistence newDatabase() {
        return TestPersistence.postgres();
    }

    @Test
    public void databaseRefusesTruncateOfAuditRecords() throws SQLException {
        appendSome(2);
        assertAppendOnlyRefusal(assertThrows(SQLException.class, () -> sql("TRUNCATE audit_record")));
        assertEquals("2", query("SELECT COUNT(*) FROM audit_record"));
    }
}
