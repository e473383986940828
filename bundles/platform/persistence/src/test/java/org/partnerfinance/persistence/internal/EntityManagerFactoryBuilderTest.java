package org.partnerfinance.persistence.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;

import org.eclipse.persistence.jpa.JpaEntityManagerFactory;
import org.eclipse.persistence.sessions.Session;
import org.junit.Test;
import org.partnerfinance.persistence.api.Jpa;
import org.partnerfinance.persistence.internal.fixtures.LedgerLine;

/** The EclipseLink settings every unit gets. */
public class EntityManagerFactoryBuilderTest {

    @Test
    public void unitsGetNoSharedCacheNoDdlAndTheDatabaseOfTheUrl() {
        EntityManagerFactoryBuilder builder = new EntityManagerFactoryBuilder(null, DatabaseKind.DERBY);
        Map<String, Object> props = builder.properties("ledger", false);
        assertEquals("false", props.get("eclipselink.cache.shared.default"));
        assertEquals("none", props.get("eclipselink.ddl-generation"));
        assertEquals("false", props.get("eclipselink.weaving"));
        assertEquals("Derby", props.get("eclipselink.target-database"));
        assertEquals("WARNING", props.get("eclipselink.logging.level"));
        assertEquals(Slf4jSessionLog.class.getName(), props.get("eclipselink.logging.logger"));
        assertEquals("static", builder.properties("ledger", true).get("eclipselink.weaving"));
        assertNotEquals("each opened unit is its own EclipseLink session", props.get("eclipselink.session-name"),
                builder.properties("ledger", false).get("eclipselink.session-name"));
        assertFalse(new EntityManagerFactoryBuilder(null, DatabaseKind.OTHER).properties("x", false)
                .containsKey("eclipselink.target-database"));
    }

    @Test
    public void unwovenEntitiesAreDetected() {
        assertFalse(EntityManagerFactoryBuilder.woven(getClass().getClassLoader(), List.of(LedgerLine.class.getName())));
    }

    @Test
    public void eclipseLinkLogsThroughSlf4jWithoutSharedCache() {
        try (TestPersistence db = TestPersistence.inMemory()) {
            Jpa jpa = db.open("ledgertest", "db/ledgertest", LedgerLine.class);
            Session session = ((JpaUnit) jpa).entityManagerFactory().unwrap(JpaEntityManagerFactory.class)
                    .getServerSession();
            assertTrue(session.getSessionLog() instanceof Slf4jSessionLog);
            assertTrue("entities are isolated (no shared cache)",
                    session.getClassDescriptor(LedgerLine.class).isIsolated());
            assertEquals("org.eclipse.persistence.platform.database.DerbyPlatform",
                    session.getDatasourcePlatform().getClass().getName());
        }
    }
}
