package org.partnerfinance.ledger.internal;

import org.partnerfinance.persistence.internal.TestPersistence;

/** The ledger service tests on a real PostgreSQL server, with the PostgreSQL migration scripts. */
public class LedgerServiceDbPostgresTest extends LedgerServiceDbTest {

    @Override
    protected TestPersistence newDatabase() {
        return TestPersistence.postgres();
    }
}
