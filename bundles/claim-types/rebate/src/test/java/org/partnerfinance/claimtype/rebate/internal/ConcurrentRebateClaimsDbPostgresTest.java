package org.partnerfinance.claimtype.rebate.internal;

import org.partnerfinance.persistence.internal.TestPersistence;

/** The concurrent rebate claims on a real PostgreSQL server, whose row locks differ from Derby's. */
public class ConcurrentRebateClaimsDbPostgresTest extends ConcurrentRebateClaimsDbTest {

    @Override
    protected TestPersistence newDatabase() {
        return TestPersistence.postgres();
    }
}
