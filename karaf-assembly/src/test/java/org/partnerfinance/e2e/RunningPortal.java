package org.partnerfinance.e2e;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.rules.ExternalResource;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

/**
 * The portal distribution booted once for all browser tests, and the browser that talks to it: a class rule shared by
 * the suite ({@link PortalE2EIT}) and each test class in it. The first user unpacks the tar.gz into
 * {@code target/e2e-<n>}, starts it with {@code bin/start}, waits until the login page renders and installs the demo
 * data ({@code feature:install pf-demo} through the console, signed in with an operator account the test added to
 * etc/users.properties); the last one stops it. Run on its own, a test class boots and stops its own portal.
 */
public final class RunningPortal extends ExternalResource {

    /**
     * Deadline for the boot of the distribution up to the rendered login page: generous, because an integration test
     * class boots its own Karaf beside it (two test classes run at once) and a passing run never waits for it.
     */
    public static final Duration BOOT_TIMEOUT = Duration.ofMinutes(6);

    /**
     * Deadline for installing the demo data (feature:install pf-demo) until all of it is in the database: its two years
     * of finance history go through the services (about a minute on a busy two-core machine).
     */
    public static final Duration DEMO_TIMEOUT = Duration.ofMinutes(5);

    /** Without an answer after this long, the boot is checked for the known boot deadlock. */
    private static final Duration DEADLOCK_SUSPICION = Duration.ofSeconds(45);

    private static final RunningPortal SHARED = new RunningPortal();

    private int users;
    private KarafDistribution distribution;
    private PortalBrowser browser;

    private RunningPortal() {
    }

    /** The one instance of this JVM. */
    public static RunningPortal shared() {
        return SHARED;
    }

    @Override
    protected synchronized void before() throws Throwable {
        if (users++ > 0) {
            return;
        }
        try {
            boot();
        } catch (Throwable e) {
            users = 0;
            shutdown();
            throw e;
        }
    }

    @Override
    protected synchronized void after() {
        if (--users == 0) {
            shutdown();
        }
    }

    private void boot() throws Exception {
        Path archive = KarafDistribution.archive();
        Path target = archive.toAbsolutePath().getParent();
        KarafDistribution.deleteEarlierRuns(target, "e2e");
        distribution = KarafDistribution.unpack(archive, target, "e2e");
        distribution.start();
        // a boot stuck in the feature-provisioning deadlock (fixed in the assembly by starting EventAdmin in the
        // startup stage) fails at once with its thread dump instead of running into the timeout
        distribution.awaitPortal(BOOT_TIMEOUT, DEADLOCK_SUSPICION);
        // the distribution boots without demo data; the browser tests work with the demo partners and users
        distribution.installDemo(DEMO_TIMEOUT);
        browser = PortalBrowser.launch();
        BrowserContext context = browser.newContext();
        try {
            Page page = context.newPage();
            page.navigate(distribution.baseUrl() + "/login");
            page.locator("#login-username").waitFor();
        } finally {
            context.close();
        }
    }

    private void shutdown() {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            browser = null;
            try {
                if (distribution != null) {
                    distribution.close();
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("Stopping Karaf failed", e);
            } finally {
                distribution = null;
            }
        }
    }

    public KarafDistribution distribution() {
        if (distribution == null) {
            throw new IllegalStateException("The portal is not running (use RunningPortal as a @ClassRule)");
        }
        return distribution;
    }

    public PortalBrowser browser() {
        if (browser == null) {
            throw new IllegalStateException("The portal is not running (use RunningPortal as a @ClassRule)");
        }
        return browser;
    }

    public String baseUrl() {
        return distribution().baseUrl();
    }
}
