package org.partnerfinance.documents.internal;

import org.partnerfinance.persistence.internal.TestPersistence;

/** The statement property test on a real PostgreSQL server, with the PostgreSQL migration scripts. */
public class StatementPropertyDbPostgresTest extends StatementPropertyDbTest {

    @Override
    protected TestPersistence newDatabase() {
        return TestPersistence.postgres();
    }
}
