package org.partnerfinance.itest;

import org.junit.runner.RunWith;
import org.junit.runners.Suite;

/**
 * The test classes that need the distribution exactly as shipped (no options, no demo data), run in one booted
 * distribution instead of one each: booting the portal is most of a test class's time. Each member is annotated
 * {@code @ExamReactorStrategy(PerSuite.class)}; Pax Exam starts the container for the first member with that
 * member's configuration and stops it after the last, so all members must ask for the same configuration.
 *
 * <p>Order matters where a member looks at the distribution as shipped: {@link DistributionIT} first (it checks that
 * there is no portal user yet), {@link UsersIT} next (its first administrator comes from the console). The others
 * create data of their own under unique names. {@link AuditIT} runs last: it leaves the audit trail broken on purpose.
 *
 * <p>Failsafe runs this suite, not its members (see the exclusions in karaf-assembly's pom); a member still runs alone
 * with {@code -Dit.test=LedgerIT}. Pax Exam keeps one such shared container per JVM, so failsafe starts a fresh JVM
 * for each test class ({@code reuseForks=false}): the two suites never meet in one JVM.
 */
@RunWith(Suite.class)
@Suite.SuiteClasses({ DistributionIT.class, UsersIT.class, DocumentsIT.class, LedgerIT.class, CamtIT.class,
        PeppolIT.class, PaymentOrdersIT.class, AuditIT.class })
public class ProductionDistributionIT {
}
