package org.partnerfinance.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.partnerfinance.e2e.Deadline;
import org.partnerfinance.e2e.KarafDistribution;
import org.partnerfinance.e2e.KarafShell;
import org.partnerfinance.e2e.PortalBrowser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

/**
 * Prints figures of the built distribution, each with a baseline measured in the same run, and their ratio. Not a
 * test: nothing is asserted. Run it with {@code mvn -B -o -pl karaf-assembly -Pbench verify} (needs Chromium, like
 * the browser tests).
 *
 * <ol>
 * <li>Cold start: a freshly unpacked distribution (empty {@code data/}) from {@code bin/start} to the login page
 * rendered in Chromium (and to the first HTTP 200 of {@code /login}); baseline: the Karaf framework up (its SSH port
 * answers) in the same runs. Then the same for a warm restart (existing {@code data/}).</li>
 * <li>Hot deploy: from typing {@code feature:install pf-claim-expense} (after an uninstall) until a signed-in
 * partner's browser, reloading {@code claims/new/expense}, gets the rendered form; baselines: the duration of the
 * install command itself, and the same measurement for the {@code pf-widget-my-claims} feature and its dashboard
 * card.</li>
 * <li>Heap per signed-in session: heap used after full GCs with no signed-in browser session, then with N signed-in
 * browser sessions (each on the dashboard): (used_N - used_0) / N.</li>
 * </ol>
 *
 * System properties: {@code pf.distribution} (the tar.gz), {@code pf.bench.runs} (default 3),
 * {@code pf.bench.sessions} (default "10,30"), {@code PF_CHROMIUM} / {@code pf.chromium}.
 */
public final class PortalBenchmark {

    private static final Duration BOOT_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration DEADLOCK_SUSPICION = Duration.ofSeconds(45);
    private static final Duration ROUTE_TIMEOUT = Duration.ofMinutes(2);
    private static final String[] USERS = { "partner", "partner2", "partneradmin", "reviewer", "manager", "admin" };

    private final PortalBrowser browser;

    private PortalBenchmark(PortalBrowser browser) {
        this.browser = browser;
    }

    public static void main(String[] args) throws Exception {
        int runs = Integer.getInteger("pf.bench.runs", 3);
        int[] sessionCounts = Arrays.stream(System.getProperty("pf.bench.sessions", "10,30").split(","))
                .map(String::trim).mapToInt(Integer::parseInt).sorted().toArray();
        Path archive = KarafDistribution.archive();
        Path target = archive.toAbsolutePath().getParent();
        KarafDistribution.deleteEarlierRuns(target, "bench");

        out("Partner Finance Portal benchmark, " + LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME));
        out("distribution: " + archive);
        out("machine: " + Runtime.getRuntime().availableProcessors() + " CPUs, Java " + System.getProperty("java.version")
                + ", Chromium " + PortalBrowser.chromiumPath());
        out("");

        try (PortalBrowser browser = PortalBrowser.launch()) {
            PortalBenchmark bench = new PortalBenchmark(browser);
            List<Boot> cold = new ArrayList<>();
            List<Boot> warm = new ArrayList<>();
            KarafDistribution running = null;
            try {
                int deadlocks = 0;
                while (cold.size() < runs) {
                    int run = cold.size() + 1;
                    KarafDistribution karaf = KarafDistribution.unpack(archive, target, "bench");
                    Boot first;
                    Boot again;
                    try {
                        first = bench.boot(karaf);
                        karaf.stop(Duration.ofMinutes(1));
                        again = bench.boot(karaf);
                    } catch (KarafDistribution.BootDeadlockException e) {
                        karaf.kill();
                        out("  run " + run + ": boot deadlock, run repeated (" + e.getMessage() + ")");
                        if (++deadlocks > runs) {
                            throw e;
                        }
                        continue;
                    } catch (IOException | RuntimeException e) {
                        karaf.close();
                        throw e;
                    }
                    cold.add(first);
                    warm.add(again);
                    out(String.format(Locale.ROOT, "  run %d: cold %s | warm %s", run, first, again));
                    if (cold.size() < runs) {
                        karaf.close();
                        KarafDistribution.deleteTree(karaf.home());
                    } else {
                        running = karaf;
                    }
                }
                out("  boots stuck in the boot deadlock (not counted above): " + deadlocks);
                out("");
                printBoots("Cold start (fresh unpack, empty data/)", cold);
                printBoots("Warm restart (existing data/)", warm);

                // the distribution boots without demo data; hot deploy and sessions sign in as demo users
                running.installDemo(Duration.ofMinutes(2));
                bench.hotDeploy(running, runs);
                bench.heapPerSession(running, sessionCounts);
            } finally {
                if (running != null) {
                    running.close();
                }
            }
        }
    }

    // --- 1. start-up ------------------------------------------------------------------------------------------

    /** Milliseconds from bin/start to: SSH answers, GET /login answers 200, login page rendered. */
    private record Boot(double sshMs, double httpMs, double renderedMs) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "ssh %.2f s, http %.2f s, rendered %.2f s", sshMs / 1000, httpMs / 1000,
                    renderedMs / 1000);
        }
    }

    private Boot boot(KarafDistribution karaf) throws IOException {
        long start = System.nanoTime();
        karaf.start();
        long ssh = -1;
        long http = -1;
        Deadline deadline = Deadline.in(BOOT_TIMEOUT);
        long suspect = start + DEADLOCK_SUSPICION.toNanos();
        while (ssh < 0 || http < 0) {
            if (ssh < 0 && karaf.sshAnswers()) {
                ssh = System.nanoTime();
            }
            if (http < 0 && karaf.httpStatus("/login") == 200) {
                http = System.nanoTime();
            }
            if (ssh < 0 || http < 0) {
                if (System.nanoTime() - suspect >= 0) {
                    karaf.failOnBootDeadlock();
                    suspect = System.nanoTime() + Duration.ofSeconds(15).toNanos();
                }
                if (!karaf.running()) {
                    throw new IllegalStateException("Karaf ended during start-up; see " + karaf.log());
                }
                deadline.pause("Karaf did not come up (ssh " + (ssh >= 0) + ", http " + (http >= 0) + "); see "
                        + karaf.log());
            }
        }
        BrowserContext context = browser.newContext();
        try {
            Page page = context.newPage();
            page.navigate(karaf.baseUrl() + "/login");
            page.locator("#login-username").waitFor();
        } finally {
            context.close();
        }
        long rendered = System.nanoTime();
        return new Boot(millis(ssh - start), millis(http - start), millis(rendered - start));
    }

    private static void printBoots(String title, List<Boot> boots) {
        double ssh = median(boots.stream().mapToDouble(Boot::sshMs).toArray());
        double http = median(boots.stream().mapToDouble(Boot::httpMs).toArray());
        double rendered = median(boots.stream().mapToDouble(Boot::renderedMs).toArray());
        out(title + ", median of " + boots.size() + " runs:");
        figure("baseline: framework up (Karaf SSH port answers)", ssh, null);
        figure("first HTTP 200 of /login (bootstrap page)", http, ssh);
        figure("login page rendered in Chromium", rendered, ssh);
        out("");
    }

    // --- 2. hot deploy --------------------------------------------------------------------------------------------

    /** Milliseconds from typing the install command until: the command returned, the contribution was served. */
    private record Install(double commandMs, double servedMs) {
    }

    private void hotDeploy(KarafDistribution karaf, int runs) throws Exception {
        List<Install> expense = new ArrayList<>();
        List<Install> widget = new ArrayList<>();
        BrowserContext context = browser.newContext();
        ExecutorService typist = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "bench-karaf-shell");
            thread.setDaemon(true);
            return thread;
        });
        try (KarafShell shell = karaf.openShell(Duration.ofMinutes(1))) {
            Page partner = PortalBrowser.login(context, karaf.baseUrl(), "partner");
            String form = karaf.baseUrl() + "/claims/new/expense";
            String dashboard = karaf.baseUrl() + "/";
            for (int run = 1; run <= runs; run++) {
                expense.add(install(shell, typist, partner, "pf-claim-expense", form, "#claim-date, #error-title",
                        p -> p.locator("#claim-date").count() > 0));
                widget.add(install(shell, typist, partner, "pf-widget-my-claims", dashboard, "#dashboard",
                        p -> p.locator("#widget-my-claims").count() > 0));
                out(String.format(Locale.ROOT,
                        "  run %d: pf-claim-expense command %.2f s, form served %.2f s | pf-widget-my-claims command "
                                + "%.2f s, card shown %.2f s", run, expense.get(run - 1).commandMs() / 1000,
                        expense.get(run - 1).servedMs() / 1000, widget.get(run - 1).commandMs() / 1000,
                        widget.get(run - 1).servedMs() / 1000));
            }
            partner.locator("#logout").click();
            partner.locator("#login-username").waitFor();
        } finally {
            typist.shutdownNow();
            context.close();
        }
        double command = median(expense.stream().mapToDouble(Install::commandMs).toArray());
        double served = median(expense.stream().mapToDouble(Install::servedMs).toArray());
        double widgetCommand = median(widget.stream().mapToDouble(Install::commandMs).toArray());
        double widgetServed = median(widget.stream().mapToDouble(Install::servedMs).toArray());
        out("");
        out("Hot deploy: feature:install after feature:uninstall, median of " + runs + " runs (the browser reloads the "
                + "page in a loop, so the served times include one page load):");
        figure("baseline: feature:install pf-claim-expense returns", command, null);
        figure("claims/new/expense form served", served, command);
        figure("baseline: feature:install pf-widget-my-claims returns", widgetCommand, null);
        figure("my-claims card shown on the dashboard", widgetServed, widgetCommand);
        out(String.format(Locale.ROOT, "  %-58s %17s %.2f", "expense form served / my-claims card shown", "ratio", served
                / widgetServed));
        out("");
    }

    /**
     * Uninstalls the feature and waits until the page no longer shows it; then types {@code feature:install} (on
     * another thread) and reloads {@code url} until {@code served} holds.
     */
    private static Install install(KarafShell shell, ExecutorService typist, Page page, String feature, String url,
            String loaded, Predicate<Page> served) throws Exception {
        shell.run("feature:uninstall " + feature, Duration.ofMinutes(2));
        reloadUntil(page, url, loaded, served.negate(), feature + " still served after feature:uninstall");
        long start = System.nanoTime();
        Future<Long> command = typist.submit(() -> {
            shell.run("feature:install " + feature, Duration.ofMinutes(2));
            return System.nanoTime();
        });
        reloadUntil(page, url, loaded, served, feature + " not served after feature:install");
        long shown = System.nanoTime();
        long returned = command.get(2, TimeUnit.MINUTES);
        return new Install(millis(returned - start), millis(shown - start));
    }

    private static void reloadUntil(Page page, String url, String loaded, Predicate<Page> condition, String failure) {
        Deadline deadline = Deadline.in(ROUTE_TIMEOUT);
        while (true) {
            page.navigate(url);
            page.locator(loaded).first().waitFor();
            if (condition.test(page)) {
                return;
            }
            if (deadline.passed()) {
                throw new IllegalStateException(failure + " (waited " + ROUTE_TIMEOUT.toSeconds() + " s)");
            }
        }
    }

    // --- 3. heap per session ----------------------------------------------------------------------------------

    private void heapPerSession(KarafDistribution karaf, int[] counts) throws Exception {
        Jvm jvm = new Jvm(karaf);
        out("Heap per signed-in session (Karaf JVM pid " + karaf.pid() + ", " + jvm.collector() + ", heap used after "
                + "full GCs, from jstat):");
        long used0 = jvm.usedAfterFullGc();
        out(String.format(Locale.ROOT, "  %-58s %,9d KB", "baseline: heap used with 0 signed-in sessions", used0));
        List<BrowserContext> sessions = new ArrayList<>();
        try {
            for (int n : counts) {
                while (sessions.size() < n) {
                    BrowserContext context = browser.newContext();
                    sessions.add(context);
                    PortalBrowser.login(context, karaf.baseUrl(), USERS[sessions.size() % USERS.length]);
                }
                long used = jvm.usedAfterFullGc();
                out(String.format(Locale.ROOT, "  %-58s %,9d KB   (used_N - used_0) / N = %,d KB per session",
                        "heap used with N = " + n + " signed-in sessions (dashboard)", used, (used - used0) / n));
            }
        } finally {
            for (BrowserContext context : sessions) {
                context.close();
            }
        }
        out("");
    }

    /** The Karaf JVM, inspected with the JDK's jcmd and jstat (of the JDK that runs Karaf). */
    private static final class Jvm {

        private final long pid;
        private final String jcmd;
        private final String jstat;

        Jvm(KarafDistribution karaf) {
            this.pid = karaf.pid();
            this.jcmd = karaf.jdkTool("jcmd");
            this.jstat = karaf.jdkTool("jstat");
        }

        String collector() throws IOException {
            String flags = run(jcmd, String.valueOf(pid), "VM.flags");
            for (String gc : List.of("UseG1GC", "UseParallelGC", "UseSerialGC", "UseZGC", "UseShenandoahGC")) {
                if (flags.contains("-XX:+" + gc)) {
                    return gc.substring(3, gc.length() - 2) + " GC";
                }
            }
            return "default GC";
        }

        /** Heap used (KB: survivor, eden and old spaces) after two full GCs. */
        long usedAfterFullGc() throws IOException {
            run(jcmd, String.valueOf(pid), "GC.run");
            run(jcmd, String.valueOf(pid), "GC.run");
            String[] lines = run(jstat, "-gc", String.valueOf(pid)).trim().split("\n");
            List<String> header = Arrays.asList(lines[0].trim().split("\\s+"));
            String[] values = lines[lines.length - 1].trim().split("\\s+");
            double used = 0;
            for (String column : List.of("S0U", "S1U", "EU", "OU")) {
                used += Double.parseDouble(values[header.indexOf(column)]);
            }
            return Math.round(used);
        }

        private static String run(String... command) throws IOException {
            return KarafDistribution.run(List.of(command), Duration.ofMinutes(2));
        }
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    private static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** One labelled figure in seconds, with its ratio to a baseline (none for the baseline itself). */
    private static void figure(String label, double millis, Double baselineMillis) {
        String ratio = baselineMillis == null ? "" : String.format(Locale.ROOT, "   ratio to baseline %.2f",
                millis / baselineMillis);
        out(String.format(Locale.ROOT, "  %-58s %7.2f s%s", label, millis / 1000, ratio));
    }

    private static void out(String line) {
        System.out.println(line);
    }
}
