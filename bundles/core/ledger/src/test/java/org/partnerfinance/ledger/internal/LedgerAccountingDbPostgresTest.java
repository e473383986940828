package org.partnerfinance.ledger.internal;

import org.partnerfinance.persistence.internal.TestPersistence;

/** The chart, period, rate and report tests of the ledger on a real PostgreSQL server. */
public class LedgerAccountingDbPostgresTest extends LedgerAccountingDbTest {

    @Override
    protected TestPersistence newDatabase() {
        return TestPersistence.postgres();
    }
}
