package org.partnerfinance.itest;

import org.junit.runner.RunWith;
import org.junit.runners.Suite;

/**
 * The test classes that need the distribution booted with the demo data and nothing else ({@link
 * PfTestSupport#withDemoData()}), run in one booted distribution: see {@link ProductionDistributionIT} for how the
 * sharing works. Every member creates claims, agreements and imports under unique names (see
 * {@link ClaimsTestSupport}), so members do not see each other's data. {@link MdfIT} and {@link ExtensionLifecycleIT}
 * run last: they uninstall and install features at run time.
 */
@RunWith(Suite.class)
@Suite.SuiteClasses({ ClaimsIsolationAndConcurrencyIT.class, ClaimsPersistenceIT.class, RebateIT.class, ConnectorsIT.class,
        RestApiIT.class, MdfIT.class, ExtensionLifecycleIT.class })
public class DemoDistributionIT {
}
