package org.partnerfinance.users.internal;

import org.partnerfinance.persistence.internal.TestPersistence;

/** The API token tests on a real PostgreSQL server. */
public class ApiTokenStorePostgresTest extends ApiTokenStoreTest {

    @Override
    protected TestPersistence newDatabase() {
        return TestPersistence.postgres();
    }
}
