package org.partnerfinance.e2e;

import org.junit.ClassRule;
import org.junit.runner.RunWith;
import org.junit.runners.Suite;

/**
 * The browser end-to-end tests, run by failsafe against the distribution this module builds, with one boot of it for
 * all of them. Needs Chromium ({@code PF_CHROMIUM}, default {@code /usr/bin/chromium}). Screenshots of failed tests go
 * to {@code target/e2e-screenshots/}; the distribution they ran against (with its log) stays in
 * {@code target/e2e-<n>/} until the next run.
 */
@RunWith(Suite.class)
@Suite.SuiteClasses({ ClaimFlowE2E.class, LiveMenuE2E.class, SampleClaimTypeE2E.class, UsersE2E.class,
        UserLifecycleE2E.class,
        ApiTokensE2E.class, PartnersE2E.class, FinanceAgingE2E.class, DocumentsE2E.class,
        ContentSecurityPolicyE2E.class, MdfE2E.class, FundsE2E.class, PaymentOrdersE2E.class, EInvoicesE2E.class,
        ConnectorsE2E.class })
public class PortalE2EIT {

    @ClassRule
    public static final RunningPortal PORTAL = RunningPortal.shared();
}
