package org.partnerfinance.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.partnerfinance.e2e.KarafDistribution;
import org.partnerfinance.e2e.KarafShell;

/**
 * Figures of the portal at scale, through its REST API, each beside a baseline measured in the same run. Not a test:
 * nothing is asserted.
 *
 * <ol>
 * <li>Fill: {@code pf:generate <partners> <documents>} through the services (documents/s as the command reports it).
 * </li>
 * <li>Invoice list, page 1 with a filter: {@code GET /api/v1/invoices?partner=…&status=open&size=50}, and the same
 * with a full-text {@code q}; baseline: {@code GET /api/v1/me} (a REST round trip with token check and no data).
 * Median and p95 of sequential requests.</li>
 * <li>Statement under load: {@code GET /api/v1/statement?partner=P-1001&currency=EUR} by 20 concurrent clients; p50,
 * p95, p99 and requests/s; baseline: {@code /api/v1/me} under the same load.</li>
 * </ol>
 *
 * Run: {@code mvn -B -o -pl karaf-assembly -Pbench verify -Dpf.bench.main=org.partnerfinance.bench.ScaleBenchmark}
 * (or {@code java -cp ...} with the test classpath). System properties: {@code pf.distribution} (the tar.gz),
 * {@code pf.bench.partners} (default 1000), {@code pf.bench.documents} (default 1000000), {@code pf.bench.clients}
 * (default 20), {@code pf.bench.requests} (per client, default 50), {@code pf.bench.keep} (true: leave the filled
 * distribution in target/scale-n for later runs).
 */
public final class ScaleBenchmark {

    private static final Pattern TOKEN = Pattern.compile("Token: (\\S+)");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String token;

    private ScaleBenchmark(String base, String token) {
        this.base = base;
        this.token = token;
    }

    public static void main(String[] args) throws Exception {
        int partners = Integer.getInteger("pf.bench.partners", 1000);
        long documents = Long.getLong("pf.bench.documents", 1_000_000L);
        int clients = Integer.getInteger("pf.bench.clients", 20);
        int requests = Integer.getInteger("pf.bench.requests", 50);
        Path archive = KarafDistribution.archive();
        Path target = archive.toAbsolutePath().getParent();
        KarafDistribution.deleteEarlierRuns(target, "scale");
        out("Partner Finance Portal scale benchmark, "
                + LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME));
        out("distribution: " + archive);
        out("machine: " + Runtime.getRuntime().availableProcessors() + " CPUs, Java "
                + System.getProperty("java.version"));
        KarafDistribution karaf = KarafDistribution.unpack(archive, target, "scale");
        try {
            karaf.start();
            karaf.awaitPortal(Duration.ofMinutes(4), Duration.ofSeconds(45));
            long t0 = System.nanoTime();
            karaf.installDemo(Duration.ofMinutes(20));
            out(String.format(Locale.ROOT, "demo data: %.1f s from feature:install pf-demo to complete",
                    (System.nanoTime() - t0) / 1e9));
            String created;
            try (KarafShell shell = karaf.openShell(Duration.ofMinutes(1))) {
                shell.run("feature:install pf-tools", Duration.ofMinutes(3));
                created = shell.run("pf:token-create manager scale-benchmark", Duration.ofMinutes(1));
                long t1 = System.nanoTime();
                String generated = shell.run("pf:generate " + partners + " " + documents, Duration.ofDays(2));
                double seconds = (System.nanoTime() - t1) / 1e9;
                out(String.format(Locale.ROOT, "fill: %,d partners, %,d documents in %.0f s = %,.0f documents/s "
                        + "(through the services, with postings and audit records)", partners, documents, seconds,
                        documents / seconds));
                String last = generated.strip();
                out("  pf:generate: " + last.substring(last.lastIndexOf('\n') + 1));
            }
            Matcher token = TOKEN.matcher(created);
            if (!token.find()) {
                throw new IllegalStateException("pf:token-create printed no token: " + created);
            }
            ScaleBenchmark bench = new ScaleBenchmark(karaf.baseUrl(), token.group(1));
            bench.listFigures();
            bench.statementFigures(clients, requests);
        } finally {
            karaf.stop(Duration.ofMinutes(2));
            if (!Boolean.getBoolean("pf.bench.keep")) {
                KarafDistribution.deleteTree(karaf.home());
            } else {
                out("kept: " + karaf.home());
            }
            karaf.close();
        }
    }

    private void listFigures() throws Exception {
        String filtered = "/api/v1/invoices?partner=P-9000001&status=open&page=0&size=50";
        String search = "/api/v1/invoices?status=open&q=docking&page=0&size=50";
        String all = "/api/v1/invoices?page=0&size=50";
        String me = "/api/v1/me";
        for (String path : List.of(me, filtered, search, all)) {
            time(path); // warm up: class loading, caches, JIT
        }
        out("");
        out("Invoice list, page 1 (sequential, 30 requests each):");
        Stats baseline = sequential(me, 30);
        out("  baseline GET " + me + ": " + baseline);
        for (String path : List.of(filtered, search, all)) {
            Stats stats = sequential(path, 30);
            out(String.format(Locale.ROOT, "  GET %s: %s  (median %.1fx baseline)", path, stats,
                    stats.median() / baseline.median()));
        }
    }

    private void statementFigures(int clients, int requests) throws Exception {
        String statement = "/api/v1/statement?partner=P-1001&currency=EUR";
        time(statement);
        out("");
        out("Statement under load (" + clients + " concurrent clients x " + requests + " requests):");
        Stats baseline = concurrent("/api/v1/me", clients, requests);
        out("  baseline GET /api/v1/me: " + baseline);
        Stats stats = concurrent(statement, clients, requests);
        out(String.format(Locale.ROOT, "  GET %s: %s  (p95 %.1fx baseline)", statement, stats,
                stats.p95() / baseline.p95()));
    }

    private Stats sequential(String path, int count) throws Exception {
        List<Double> millis = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            millis.add(time(path));
        }
        return new Stats(millis, (System.nanoTime() - start) / 1e9);
    }

    private Stats concurrent(String path, int clients, int requests) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Callable<List<Double>>> work = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                work.add(() -> {
                    List<Double> millis = new ArrayList<>();
                    for (int i = 0; i < requests; i++) {
                        millis.add(time(path));
                    }
                    return millis;
                });
            }
            long start = System.nanoTime();
            List<Double> all = new ArrayList<>();
            for (Future<List<Double>> result : pool.invokeAll(work)) {
                all.addAll(result.get());
            }
            return new Stats(all, (System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Milliseconds of one GET; fails on anything but 200. */
    private double time(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(2))
                .header("Authorization", "Bearer " + token).GET().build();
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        double millis = (System.nanoTime() - start) / 1e6;
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return millis;
    }

    private record Stats(List<Double> millis, double seconds) {
        Stats {
            millis = new ArrayList<>(millis);
            Collections.sort(millis);
        }

        double percentile(double p) {
            int index = (int) Math.ceil(p / 100.0 * millis.size()) - 1;
            return millis.get(Math.max(0, Math.min(millis.size() - 1, index)));
        }

        double median() {
            return percentile(50);
        }

        double p95() {
            return percentile(95);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "median %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms, %.0f requests/s",
                    median(), p95(), percentile(99), millis.get(millis.size() - 1), millis.size() / seconds);
        }
    }

    private static void out(String line) {
        System.out.println(line);
    }
}
