package org.partnerfinance.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.rules.TestWatcher;
import org.junit.runner.Description;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;

/**
 * The people of one test, each signed in in a browser session of their own. When the test fails, every open tab is
 * saved as a screenshot under {@code target/e2e-screenshots/}, with a copy of Karaf's log; afterwards all sessions are
 * closed.
 */
public final class BrowserSessions extends TestWatcher {

    private final RunningPortal portal;
    private final Map<String, BrowserContext> contexts = new LinkedHashMap<>();

    public BrowserSessions(RunningPortal portal) {
        this.portal = portal;
    }

    /**
     * A new browser session in which {@code user} (the demo password) signed in; returns its tab showing the
     * dashboard. The label names the session in screenshots (e.g. "partner").
     */
    public Page signIn(String label, String user) {
        BrowserContext context = portal.browser().newContext();
        contexts.put(uniqueLabel(label), context);
        return PortalBrowser.login(context, portal.baseUrl(), user);
    }

    /**
     * A new browser session nobody signed in to yet (e.g. to sign in with a one-time password); it is screenshotted
     * and closed like the others.
     */
    public BrowserContext newContext(String label) {
        BrowserContext context = portal.browser().newContext();
        contexts.put(uniqueLabel(label), context);
        return context;
    }

    /** {@link #signIn(String, String)} labelled with the user name. */
    public Page signIn(String user) {
        return signIn(user, user);
    }

    private String uniqueLabel(String label) {
        String unique = label;
        for (int i = 2; contexts.containsKey(unique); i++) {
            unique = label + i;
        }
        return unique;
    }

    @Override
    protected void failed(Throwable e, Description description) {
        Path dir = portal.distribution().home().getParent().resolve("e2e-screenshots");
        List<String> saved = new ArrayList<>();
        try {
            Files.createDirectories(dir);
            for (Map.Entry<String, BrowserContext> entry : contexts.entrySet()) {
                int tab = 0;
                for (Page page : entry.getValue().pages()) {
                    tab++;
                    Path file = dir.resolve(description.getTestClass().getSimpleName() + "." + description.getMethodName()
                            + "-" + entry.getKey() + (tab > 1 ? "-" + tab : "") + ".png");
                    try {
                        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
                        saved.add(file + " (" + page.url() + ")");
                    } catch (PlaywrightException shotFailed) {
                        saved.add(file + ": no screenshot, " + shotFailed.getMessage());
                    }
                }
            }
            // the next run deletes the unpacked distribution with its log: keep a copy beside the screenshots
            Path log = portal.distribution().log();
            if (Files.exists(log)) {
                Path copy = dir.resolve(description.getTestClass().getSimpleName() + "." + description.getMethodName()
                        + "-karaf.log");
                Files.copy(log, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                saved.add(copy.toString());
            }
        } catch (java.io.IOException | RuntimeException io) {
            saved.add("screenshots failed: " + io);
        }
        System.err.println(description + " failed; screenshots: " + saved + "; Karaf log: "
                + portal.distribution().log());
    }

    @Override
    protected void finished(Description description) {
        for (BrowserContext context : contexts.values()) {
            try {
                context.close();
            } catch (PlaywrightException e) {
                // the browser is gone already
            }
        }
        contexts.clear();
    }
}
