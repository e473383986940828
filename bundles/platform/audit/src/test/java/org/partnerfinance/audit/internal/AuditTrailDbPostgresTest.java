package org.partnerfinance.audit.internal;

import org.partnerfinance.persistence.internal.TestPersistence;

/** The audit trail tests on a real PostgreSQL server, with the PostgreSQL migration scripts. */
public class AuditTrailDbPostgresTest extends AuditTrailDbTest {

    @Override
    protected TestPersistence newDatabase() {
        return TestPersistence.postgres();
    }
}
