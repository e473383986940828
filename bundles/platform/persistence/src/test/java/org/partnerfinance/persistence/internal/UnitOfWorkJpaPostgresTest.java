package org.partnerfinance.persistence.internal;

/** The unit-of-work tests on a real PostgreSQL server, reached through the driver's DataSourceFactory. */
public class UnitOfWorkJpaPostgresTest extends UnitOfWorkJpaTest {

    @Override
    protected TestPersistence newDatabase() {
        return TestPersistence.postgres();
    }
}
