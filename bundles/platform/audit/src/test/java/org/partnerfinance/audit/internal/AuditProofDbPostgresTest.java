package org.partnerfinance.audit.internal;

import org.partnerfinance.persistence.internal.TestPersistence;

/** The proof tests on a real PostgreSQL server. */
public class AuditProofDbPostgresTest extends AuditProofDbTest {

    @Override
    protected TestPersistence newDatabase() {
        return TestPersistence.postgres();
    }
}
