package org.partnerfinance.documents.internal;

import org.partnerfinance.persistence.internal.TestPersistence;

/** The documents database tests on a real PostgreSQL server, with the PostgreSQL migration scripts. */
public class DocumentsDbPostgresTest extends DocumentsDbTest {

    @Override
    protected TestPersistence newDatabase() {
        return TestPersistence.postgres();
    }
}
