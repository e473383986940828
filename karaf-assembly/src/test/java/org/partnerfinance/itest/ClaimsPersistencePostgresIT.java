package org.partnerfinance.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.Test;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.osgi.framework.Bundle;
import org.partnerfinance.persistence.api.PersistenceService;

/**
 * The persistence and unit-of-work tests of {@link ClaimsPersistenceIT} on PostgreSQL: the distribution boots with
 * pf-postgresql instead of pf-derby and its persistence configuration pointing at a real server the test starts.
 */
@ExamReactorStrategy(PostgresPerSuite.class) // shares one booted distribution: PostgresDistributionIT
public class ClaimsPersistencePostgresIT extends ClaimsPersistenceIT {

    @Override
    protected Option[] additionalOptions() {
        List<Option> options = new ArrayList<>(Arrays.asList(super.additionalOptions()));
        options.addAll(Arrays.asList(PostgresDistribution.options(System.getProperty("pf.distribution"))));
        return options.toArray(new Option[0]);
    }

    @Test
    public void thePortalRunsOnPostgresqlWithoutTheDerbyEngine() throws Exception {
        waitForFeatures("pf-postgresql", "pf-platform", "pf-core");
        PersistenceService persistence = getService(PersistenceService.class);
        assertTrue(persistence.describe(), persistence.describe().startsWith("jdbc:postgresql://localhost:"));
        assertTrue(persistence.describe(), persistence.describe().endsWith("/portal (user portal)"));
        assertFalse("pf-derby is not installed", featuresService.isInstalled(featuresService.getFeature("pf-derby")));
        for (Bundle bundle : bundleContext.getBundles()) {
            assertFalse("no Derby bundle: " + bundle.getSymbolicName(),
                    String.valueOf(bundle.getSymbolicName()).contains("derby"));
        }
        assertActive("org.partnerfinance.pf-persistence");
        assertEquals("the driver bundle", Bundle.ACTIVE, bundle("org.postgresql.jdbc").getState());
    }
}
