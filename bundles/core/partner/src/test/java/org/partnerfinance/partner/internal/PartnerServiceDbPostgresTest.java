package org.partnerfinance.partner.internal;

import org.partnerfinance.persistence.internal.TestPersistence;

/** The partner service tests on a real PostgreSQL server, with the PostgreSQL migration scripts. */
public class PartnerServiceDbPostgresTest extends PartnerServiceDbTest {

    @Override
    protected TestPersistence newDatabase() {
        return TestPersistence.postgres();
    }
}
