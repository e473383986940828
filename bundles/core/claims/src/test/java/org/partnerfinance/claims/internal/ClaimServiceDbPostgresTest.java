package org.partnerfinance.claims.internal;

import org.partnerfinance.persistence.internal.TestPersistence;

/** The claims service tests (with the real ledger, audit trail and partners) on a real PostgreSQL server, with the PostgreSQL migration scripts. */
public class ClaimServiceDbPostgresTest extends ClaimServiceDbTest {

    @Override
    protected TestPersistence newDatabase() {
        return TestPersistence.postgres();
    }
}
