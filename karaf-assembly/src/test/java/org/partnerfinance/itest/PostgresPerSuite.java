package org.partnerfinance.itest;

import java.util.List;
import java.util.Set;

import org.ops4j.pax.exam.TestAddress;
import org.ops4j.pax.exam.TestContainer;
import org.ops4j.pax.exam.TestProbeBuilder;
import org.ops4j.pax.exam.spi.StagedExamReactor;
import org.ops4j.pax.exam.spi.StagedExamReactorFactory;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

/**
 * Pax Exam's {@link PerSuite} strategy that also stops the PostgreSQL server the suite's configuration started
 * ({@link PostgresDistribution}), once Karaf has been stopped after the suite's last class: the members of
 * {@link PostgresDistributionIT} share one booted distribution on one server, as those of
 * {@link ProductionDistributionIT} share theirs on Derby.
 */
public class PostgresPerSuite implements StagedExamReactorFactory {

    @Override
    public StagedExamReactor create(List<TestContainer> containers, List<TestProbeBuilder> probes) {
        StagedExamReactor perSuite = new PerSuite().create(containers, probes);
        return new StagedExamReactor() {
            @Override
            public Set<TestAddress> getTargets() {
                return perSuite.getTargets();
            }

            @Override
            public void invoke(TestAddress address) throws Exception {
                perSuite.invoke(address);
            }

            @Override
            public void beforeSuite() {
                perSuite.beforeSuite();
            }

            @Override
            public void beforeClass() {
                perSuite.beforeClass();
            }

            @Override
            public void afterClass() {
                perSuite.afterClass();
            }

            @Override
            public void afterSuite() {
                try {
                    perSuite.afterSuite();
                } finally {
                    PostgresDistribution.stopAll();
                }
            }
        };
    }
}
