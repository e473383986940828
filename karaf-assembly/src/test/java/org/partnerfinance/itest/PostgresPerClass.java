package org.partnerfinance.itest;

import java.util.List;
import java.util.Set;

import org.ops4j.pax.exam.TestAddress;
import org.ops4j.pax.exam.TestContainer;
import org.ops4j.pax.exam.TestProbeBuilder;
import org.ops4j.pax.exam.spi.StagedExamReactor;
import org.ops4j.pax.exam.spi.StagedExamReactorFactory;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Pax Exam's {@link PerClass} strategy that also stops the PostgreSQL server the test class started in its
 * configuration ({@link PostgresDistribution}), once Karaf has been stopped after the class.
 */
public class PostgresPerClass implements StagedExamReactorFactory {

    @Override
    public StagedExamReactor create(List<TestContainer> containers, List<TestProbeBuilder> probes) {
        StagedExamReactor perClass = new PerClass().create(containers, probes);
        return new StagedExamReactor() {
            @Override
            public Set<TestAddress> getTargets() {
                return perClass.getTargets();
            }

            @Override
            public void invoke(TestAddress address) throws Exception {
                perClass.invoke(address);
            }

            @Override
            public void beforeSuite() {
                perClass.beforeSuite();
            }

            @Override
            public void beforeClass() {
                perClass.beforeClass();
            }

            @Override
            public void afterClass() {
                try {
                    perClass.afterClass();
                } finally {
                    PostgresDistribution.stopAll();
                }
            }

            @Override
            public void afterSuite() {
                perClass.afterSuite();
            }
        };
    }
}
