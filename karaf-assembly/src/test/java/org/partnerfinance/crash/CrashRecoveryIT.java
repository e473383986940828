package org.partnerfinance.crash;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.After;
import org.junit.Test;
import org.partnerfinance.e2e.KarafDistribution;

/**
 * The built distribution survives a SIGKILL while concurrent REST clients post invoices and payments: after a restart
 * every write the portal acknowledged (HTTP 201) is there, and the books are consistent ({@code pf:books-check}: the
 * trial balance is exactly zero per currency and in the base currency, the partner sub-ledger reconciles with the
 * control accounts, the audit trail verifies).
 *
 * <p>The clients act through a REST token of the demo integrator ({@code pf:token-create}). Writes that were in flight
 * when the JVM died are unknown to the clients: they may or may not be there, but whatever is there must balance.
 */
public class CrashRecoveryIT {

    private static final Duration BOOT = Duration.ofMinutes(4);
    private static final Duration DEMO = Duration.ofMinutes(12);
    private static final int CLIENTS = 6;
    /** How long the clients write before the JVM is killed. */
    private static final Duration LOAD = Duration.ofSeconds(Long.getLong("pf.crash.loadSeconds", 25));
    /** EUR partners of the demo: no exchange rate is involved in what the clients write. */
    private static final String[] PARTNERS = { "P-1001", "P-1003", "P-1004", "P-1005", "P-1009", "P-1011" };

    private static final Pattern ID = Pattern.compile("^\\{\"id\":(\\d+)");
    private static final Pattern GROSS = Pattern.compile("\"gross\":\\{\"amount\":\"([-0-9.]+)\"");
    private static final Pattern TOKEN = Pattern.compile("Token: (\\S+)");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private KarafDistribution karaf;

    /** A write the portal acknowledged. */
    private record Ack(String kind, long id, String number) {
    }

    @After
    public void stopKaraf() throws IOException {
        if (karaf != null) {
            karaf.stop(Duration.ofMinutes(1));
            karaf.close();
        }
    }

    @Test
    public void everyAcknowledgedWriteSurvivesSigkillAndTheBooksBalance() throws Exception {
        Path archive = KarafDistribution.archive();
        Path target = archive.toAbsolutePath().getParent();
        KarafDistribution.deleteEarlierRuns(target, "crash");
        karaf = KarafDistribution.unpack(archive, target, "crash");
        karaf.start();
        karaf.awaitPortal(BOOT, Duration.ofSeconds(45));
        karaf.installDemo(DEMO);
        Matcher tokenMatch = TOKEN.matcher(karaf.shell("pf:token-create integrator crash-test"));
        assertTrue("pf:token-create printed no token", tokenMatch.find());
        String token = tokenMatch.group(1);

        ConcurrentLinkedQueue<Ack> acknowledged = new ConcurrentLinkedQueue<>();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger failuresBeforeKill = new AtomicInteger();
        AtomicBoolean killed = new AtomicBoolean();
        List<String> unexpected = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        String run = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36).toUpperCase(Locale.ROOT);
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            clients.execute(() -> {
                int seq = 0;
                while (running.get()) {
                    seq++;
                    String partner = PARTNERS[(client + seq) % PARTNERS.length];
                    String number = "CRASH-" + run + "-" + client + "-" + seq;
                    try {
                        HttpResponse<String> created = post(token, "/api/v1/invoices", invoice(partner, number, seq));
                        if (created.statusCode() != 201) {
                            if (!killed.get()) {
                                unexpected.add("invoice " + number + ": " + created.statusCode() + " "
                                        + created.body());
                            }
                            continue;
                        }
                        long id = id(created.body());
                        acknowledged.add(new Ack("invoice", id, number));
                        if (seq % 2 == 0) {
                            Matcher gross = GROSS.matcher(created.body());
                            if (!gross.find()) {
                                unexpected.add("no gross amount in " + created.body());
                                continue;
                            }
                            HttpResponse<String> paid = post(token, "/api/v1/payments",
                                    payment(partner, id, gross.group(1), number));
                            if (paid.statusCode() == 201) {
                                acknowledged.add(new Ack("payment", id(paid.body()), number));
                            } else if (!killed.get()) {
                                unexpected.add("payment for " + number + ": " + paid.statusCode() + " "
                                        + paid.body());
                            }
                        }
                    } catch (IOException e) {
                        // the portal is gone (killed): the write in flight is unknown, not acknowledged
                        if (!killed.get()) {
                            failuresBeforeKill.incrementAndGet();
                        }
                        pause();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            });
        }
        Thread.sleep(LOAD.toMillis());
        int beforeKill = acknowledged.size();
        long pid = karaf.pid();
        killed.set(true);
        KarafDistribution.run(List.of("kill", "-9", String.valueOf(pid)), Duration.ofSeconds(10));
        ProcessHandle.of(pid).ifPresent(h -> h.onExit().join());
        Thread.sleep(2_000); // the clients see the dead portal
        running.set(false);
        clients.shutdown();
        assertTrue("clients did not stop", clients.awaitTermination(1, TimeUnit.MINUTES));
        assertTrue("nothing was acknowledged before the kill: " + unexpected, beforeKill > 0);
        assertEquals("refused writes before the kill", List.of(), unexpected);
        assertEquals("connection failures before the kill", 0, failuresBeforeKill.get());

        karaf.start();
        karaf.awaitPortal(BOOT, Duration.ofSeconds(45));
        awaitRestApi(token);
        List<String> missing = new ArrayList<>();
        int invoices = 0;
        int payments = 0;
        for (Ack ack : acknowledged) {
            String path = ack.kind().equals("invoice") ? "/api/v1/invoices/" + ack.id() : "/api/v1/payments/" + ack.id();
            HttpResponse<String> read = get(token, path);
            if (read.statusCode() != 200 || !read.body().contains("\"" + ack.number() + "\"")) {
                missing.add(ack + " -> " + read.statusCode() + " "
                        + read.body().substring(0, Math.min(200, read.body().length())));
            }
            if (ack.kind().equals("invoice")) {
                invoices++;
            } else {
                payments++;
            }
        }
        assertEquals("acknowledged writes missing after the crash (of " + invoices + " invoices and " + payments
                + " payments)", List.of(), missing);

        String check = karaf.shell("feature:install pf-tools", "pf:books-check");
        if (!check.contains("BOOKS OK")) {
            fail("the books are not consistent after the crash:\n" + check);
        }
        System.out.printf(Locale.ROOT, "Crash test: %d invoices and %d payments acknowledged by %d clients in %s, all "
                + "present after SIGKILL and restart; %s%n", invoices, payments, CLIENTS, LOAD,
                check.replace('\n', ' '));
    }

    /**
     * Waits until the REST API answers: until its servlet context is registered, its paths reach the portal's context,
     * which answers 503 (JSON) for them.
     */
    private void awaitRestApi(String token) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (true) {
            HttpResponse<String> me = get(token, "/api/v1/me");
            if (me.statusCode() == 200 && me.headers().firstValue("Content-Type").orElse("").contains("json")) {
                return;
            }
            if (System.nanoTime() > deadline) {
                fail("GET /api/v1/me did not answer JSON within 2 minutes of the restart: " + me.statusCode() + " "
                        + me.body().substring(0, Math.min(200, me.body().length())));
            }
            Thread.sleep(500);
        }
    }

    private static String invoice(String partner, String number, int seq) {
        return "{\"partnerId\":\"" + partner + "\",\"direction\":\"receivable\",\"number\":\""
                + number + "\",\"issueDate\":\"" + LocalDate.now() + "\",\"currency\":\"EUR\",\"sourceSystem\":"
                + "\"crash-test\",\"lines\":[{\"description\":\"Docking station\",\"quantity\":\"" + (1 + seq % 7)
                + "\",\"unitPrice\":\"189.00\",\"taxCategory\":\"S\",\"taxRate\":\"19\"},{\"description\":"
                + "\"Installation (hours)\",\"quantity\":\"1.5\",\"unitPrice\":\"95.00\",\"taxCategory\":\"S\","
                + "\"taxRate\":\"19\"}]}";
    }

    private static String payment(String partner, long invoiceId, String amount, String number) {
        return "{\"partnerId\":\"" + partner + "\",\"direction\":\"receivable\",\"amount\":\"" + amount
                + "\",\"currency\":\"EUR\",\"method\":\"bank-transfer\",\"valueDate\":\"" + LocalDate.now()
                + "\",\"status\":\"confirmed\",\"remittance\":\"" + number + "\",\"endToEndId\":\"E2E-" + number
                + "\",\"bankReference\":\"BK-" + number + "\",\"allocations\":[{\"documentId\":" + invoiceId
                + ",\"amount\":\"" + amount + "\"}]}";
    }

    private static long id(String body) {
        Matcher matcher = ID.matcher(body);
        if (!matcher.find()) {
            throw new IllegalStateException("no id in " + body);
        }
        return Long.parseLong(matcher.group(1));
    }

    private HttpResponse<String> post(String token, String path, String json)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(karaf.baseUrl() + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String token, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(karaf.baseUrl() + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
