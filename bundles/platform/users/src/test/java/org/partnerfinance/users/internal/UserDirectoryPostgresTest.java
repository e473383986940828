package org.partnerfinance.users.internal;

import org.partnerfinance.persistence.internal.TestPersistence;

/** The user directory tests on a real PostgreSQL server, with the PostgreSQL migration scripts. */
public class UserDirectoryPostgresTest extends UserDirectoryTest {

    @Override
    protected TestPersistence newDatabase() {
        return TestPersistence.postgres();
    }
}
