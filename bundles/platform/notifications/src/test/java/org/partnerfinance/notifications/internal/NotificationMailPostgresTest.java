package org.partnerfinance.notifications.internal;

import org.partnerfinance.persistence.internal.TestPersistence;

/** {@link NotificationMailTest} on a real PostgreSQL server (the migrations and queries of the unit there too). */
public class NotificationMailPostgresTest extends NotificationMailTest {

    @Override
    protected TestPersistence newDatabase() {
        return TestPersistence.postgres();
    }
}
