package org.partnerfinance.itest;

import org.junit.runner.RunWith;
import org.junit.runners.Suite;

/**
 * The test classes that run the demo distribution on PostgreSQL ({@link PostgresDistribution}: pf-postgresql instead
 * of pf-derby, a real server the test JVM starts) with the test's mail server, run in one booted distribution on one
 * server: see {@link ProductionDistributionIT} for how the sharing works; {@link PostgresPerSuite} stops the server
 * after the suite. Members create claims under unique names (see {@link ClaimsTestSupport}).
 */
@RunWith(Suite.class)
@Suite.SuiteClasses({ ClaimsPersistencePostgresIT.class, ClaimsIsolationAndConcurrencyPostgresIT.class })
public class PostgresDistributionIT {
}
