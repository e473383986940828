package org.partnerfinance.itest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;

/**
 * The isolation and concurrency tests of {@link ClaimsIsolationAndConcurrencyIT} on PostgreSQL (row locks and
 * optimistic locking behave differently from Derby's): the distribution boots with pf-postgresql instead of pf-derby
 * and its persistence configuration pointing at a real server the test starts.
 */
@ExamReactorStrategy(PostgresPerSuite.class) // shares one booted distribution: PostgresDistributionIT
public class ClaimsIsolationAndConcurrencyPostgresIT extends ClaimsIsolationAndConcurrencyIT {

    @Override
    protected Option[] additionalOptions() {
        List<Option> options = new ArrayList<>(Arrays.asList(super.additionalOptions()));
        // the same configuration as ClaimsPersistencePostgresIT, whose distribution it shares (demo data and the
        // test's mail server come from ClaimsTestSupport)
        options.addAll(Arrays.asList(PostgresDistribution.options(System.getProperty("pf.distribution"))));
        return options.toArray(new Option[0]);
    }
}
