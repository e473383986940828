package org.partnerfinance.e2e;

import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;

/**
 * Headless Chromium driven by Playwright, using the system's browser ({@code PF_CHROMIUM}, default
 * {@code /usr/bin/chromium}); Playwright downloads nothing. Each person is a {@link BrowserContext} of its own, i.e. a
 * separate browser session with its own cookies.
 *
 * <p>Playwright objects are not thread-safe: use one instance from one thread.
 */
public final class PortalBrowser implements AutoCloseable {

    /** How long a step in the browser may take before it fails. */
    public static final Duration TIMEOUT = Duration.ofSeconds(20);

    /** Password of every demo user (pf-demo feature). */
    public static final String DEMO_PASSWORD = "partner-finance-demo";

    private final Playwright playwright;
    private final Browser browser;

    private PortalBrowser(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    public static String chromiumPath() {
        String configured = System.getProperty("pf.chromium", System.getenv("PF_CHROMIUM"));
        return configured == null || configured.isBlank() ? "/usr/bin/chromium" : configured;
    }

    public static PortalBrowser launch() {
        PlaywrightAssertions.setDefaultAssertionTimeout(TIMEOUT.toMillis());
        Playwright playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        try {
            Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(Paths.get(chromiumPath()))
                    .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                            "--disable-component-update", "--disable-sync", "--no-first-run")));
            return new PortalBrowser(playwright, browser);
        } catch (RuntimeException e) {
            playwright.close();
            throw e;
        }
    }

    /**
     * A new, empty browser session (en-US, 1280x900) with the default timeout. Every page of it records the
     * notifications it shows ({@link Vaadin#NOTIFICATION_RECORDER}).
     */
    public BrowserContext newContext() {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("en-US")
                .setViewportSize(1280, 900));
        context.addInitScript(Vaadin.NOTIFICATION_RECORDER);
        context.setDefaultTimeout(TIMEOUT.toMillis());
        context.setDefaultNavigationTimeout(TIMEOUT.toMillis());
        return context;
    }

    /** Opens the login page in a new tab of the context and signs in; returns when the dashboard is shown. */
    public static Page login(BrowserContext context, String baseUrl, String user) {
        Page page = context.newPage();
        login(page, baseUrl, user);
        return page;
    }

    /** Signs in on the given tab; returns when the dashboard is shown. */
    public static void login(Page page, String baseUrl, String user) {
        page.navigate(baseUrl + "/login");
        page.locator("#login-username input").fill(user);
        page.locator("#login-password input").fill(DEMO_PASSWORD);
        page.locator("#login-submit").click();
        page.locator("#dashboard").waitFor();
    }

    @Override
    public void close() {
        try {
            browser.close();
        } finally {
            playwright.close();
        }
    }
}
