package org.partnerfinance.funds.internal;

import org.partnerfinance.persistence.internal.TestPersistence;

/** The funds database tests on a real PostgreSQL server: the same migration, the same concurrency proof. */
public class FundServiceDbPostgresTest extends FundServiceDbTest {

    @Override
    protected TestPersistence newDatabase() {
        return TestPersistence.postgres();
    }
}
