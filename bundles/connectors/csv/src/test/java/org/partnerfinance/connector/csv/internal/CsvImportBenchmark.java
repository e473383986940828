package org.partnerfinance.connector.csv.internal;

import static org.partnerfinance.connectors.internal.BenchmarkSupport.deleteTree;
import static org.partnerfinance.connectors.internal.BenchmarkSupport.median;
import static org.partnerfinance.connectors.internal.BenchmarkSupport.source;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

import org.partnerfinance.connectors.internal.BenchmarkSupport.CountingSink;
import org.partnerfinance.connectors.api.ImportRun;
import org.partnerfinance.connectors.api.ImportService;
import org.partnerfinance.connectors.internal.ImportHarness;
import org.partnerfinance.partner.api.PartnerKind;
import org.partnerfinance.persistence.internal.TestPersistence;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.Role;

/**
 * CSV invoices imported per second end to end against the connector's own reading of the same file, and the heap a
 * very large CSV import needs.
 *
 * <p>{@code -Dpf.bench.mode=throughput} (default): per round one CSV file of {@code pf.bench.documents} invoices (two
 * lines each, 50 partners), read by the connector into a counting sink (<b>parse</b>: commons-csv, the row checks, the
 * drafts) and imported as one run through the real import service (<b>import</b>: the run recorded and audited, the
 * file kept, every document with its lines, ledger posting, audit record and idempotency record on an embedded Derby
 * file database). One unmeasured warm-up round, then the rounds; the median round and the ratio import / parse.
 *
 * <p>{@code -Dpf.bench.mode=heap}: writes a CSV file of {@code pf.bench.mb} MB (default 500) to disk, then (1) streams
 * all of it through the connector into a counting sink and (2) imports it through the import service for at most
 * {@code pf.bench.seconds} seconds (the file then "breaks off": the run fails, what was stored stays), printing the
 * heap used after each garbage collection (the live data) and the peak of every heap pool. Run the JVM with a small
 * heap (e.g. {@code MAVEN_OPTS=-Xmx256m}) to show that the import streams. {@code pf.bench.lines} (default 2, at most
 * the documents' 1,000) sets the lines per invoice: the same megabytes as fewer, larger invoices, so that a whole
 * 500 MB file can be imported end to end in a bearable time (the cost per document — posting, audit record,
 * idempotency record — is paid fewer times; every line is still a row written).
 */
public final class CsvImportBenchmark {

    private static final Caller INTEGRATOR = new Caller("bench-integrator", null, Set.of(Role.INTEGRATOR), null);
    private static final String HEADER = "partner,direction,kind,number,issue_date,due_date,currency,description,"
            + "quantity,unit_price,tax_category,tax_rate,gross,credited\n";
    private static final int PARTNERS = 50;

    private CsvImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String mode = System.getProperty("pf.bench.mode", "throughput");
        Path dir = Path.of(System.getProperty("pf.bench.dir", "target/csv-benchmark")).toAbsolutePath();
        deleteTree(dir);
        Files.createDirectories(dir.resolve("etc"));
        CsvConnector connector = new CsvConnector(CsvLayout.defaults());
        try (TestPersistence db = TestPersistence.on("jdbc:derby:" + dir.resolve("db") + ";create=true");
                ImportHarness stack = new ImportHarness(db, dir.resolve("etc"), dir.resolve("originals"), 90,
                        Clock.systemUTC())) {
            for (int p = 0; p < PARTNERS; p++) {
                stack.core.partners.create(Caller.system(), partner(p), "Reseller " + p, PartnerKind.RESELLER,
                        Currency.getInstance("EUR"));
            }
            stack.add(connector);
            if (mode.equals("heap")) {
                heap(connector, stack.imports(), dir);
            } else {
                throughput(connector, stack.imports());
            }
        }
    }

    private static void throughput(CsvConnector connector, ImportService imports) throws Exception {
        int documents = Integer.getInteger("pf.bench.documents", 5_000);
        int rounds = Integer.getInteger("pf.bench.rounds", 3);
        int warmup = Integer.getInteger("pf.bench.warmup", 1_000);
        System.out.printf("CSV import benchmark: %,d invoices (2 lines each) per round, %d partners, %d rounds%n",
                documents, PARTNERS, rounds);
        byte[] file = csv(0, warmup);
        parse(connector, file, warmup);
        importFile(imports, file, warmup);
        double[] parseRates = new double[rounds];
        double[] importRates = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            file = csv(warmup + r * documents, documents);
            parseRates[r] = documents / (parse(connector, file, documents) / 1e9);
            importRates[r] = documents / (importFile(imports, file, documents) / 1e9);
            System.out.printf("round %d: parse %,10.0f invoices/s   import %,8.1f invoices/s   ratio %.3f%n",
                    r + 1, parseRates[r], importRates[r], importRates[r] / parseRates[r]);
        }
        double parse = median(parseRates);
        double imported = median(importRates);
        System.out.printf("median:  parse %,10.0f invoices/s   import %,8.1f invoices/s   ratio %.3f%n", parse,
                imported, imported / parse);
    }

    private static long parse(CsvConnector connector, byte[] file, int expected) throws Exception {
        CountingSink sink = new CountingSink();
        long start = System.nanoTime();
        connector.read(source("invoices.csv", new ByteArrayInputStream(file)), sink);
        long took = System.nanoTime() - start;
        if (sink.documents != expected) {
            throw new IllegalStateException("read " + sink.documents + " of " + expected + " invoices; first "
                    + "refusal: " + sink.firstRefusal);
        }
        return took;
    }

    private static long importFile(ImportService imports, byte[] file, int expected) {
        long start = System.nanoTime();
        ImportRun run = imports.run(INTEGRATOR, "csv", "invoices.csv", new ByteArrayInputStream(file), null);
        long took = System.nanoTime() - start;
        if (run.created() != expected) {
            throw new IllegalStateException("created " + run.created() + " of " + expected + ": " + run.failure()
                    + " " + run.rejected());
        }
        return took;
    }

    private static void heap(CsvConnector connector, ImportService imports, Path dir) throws Exception {
        long megabytes = Long.getLong("pf.bench.mb", 500);
        long seconds = Long.getLong("pf.bench.seconds", 300);
        Path file = dir.resolve("big.csv");
        int lines = Integer.getInteger("pf.bench.lines", 2);
        if (lines < 2 || lines > 1_000) {
            throw new IllegalArgumentException("pf.bench.lines must be 2 to 1000, not " + lines);
        }
        long rows = writeCsv(file, megabytes * 1024 * 1024, lines);
        System.out.printf("CSV heap benchmark: %s, %,d bytes, %,d invoices of %d lines; max heap %,d MB%n", file,
                Files.size(file), rows / lines, lines, Runtime.getRuntime().maxMemory() / (1024 * 1024));

        HeapWatch watch = new HeapWatch();
        CountingSink sink = new CountingSink();
        long start = System.nanoTime();
        try (InputStream in = Files.newInputStream(file)) {
            connector.read(source("invoices.csv", watch.reporting(in, Files.size(file))), sink);
        }
        System.out.printf("reader + counting sink: all %,d invoices in %.1f s; %s%n", sink.documents,
                (System.nanoTime() - start) / 1e9, watch.summary());

        watch = new HeapWatch();
        start = System.nanoTime();
        ImportRun run;
        try (InputStream in = Files.newInputStream(file)) {
            run = imports.run(INTEGRATOR, "csv", "big.csv", new Deadline(watch.reporting(in, Files.size(file)),
                    System.nanoTime() + seconds * 1_000_000_000L), null);
        }
        double took = (System.nanoTime() - start) / 1e9;
        System.out.printf("import through the import service: %,d bytes read, %,d invoices stored in %.1f s "
                + "(%,.0f invoices/s), status %s (%s); %s%n", run.bytes(), run.created(), took,
                run.created() / took, run.status(), run.failure(), watch.summary());
    }

    /**
     * Heap used after each collection (the live data, from the collectors' notifications) and the peak of the heap
     * pools, printed at every 10 % of the file and every 15 s.
     */
    private static final class HeapWatch implements NotificationListener {
        private final List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        private final Set<String> heapPools = new java.util.HashSet<>();
        private volatile long lastAfterGc;
        private volatile long maxAfterGc;
        private volatile long collections;

        HeapWatch() {
            pools.forEach(p -> heapPools.add(p.getName()));
            System.gc();
            pools.forEach(MemoryPoolMXBean::resetPeakUsage);
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                ((NotificationEmitter) gc).addNotificationListener(this, null, null);
            }
        }

        @Override
        public void handleNotification(Notification notification, Object handback) {
            if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                return;
            }
            GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo
                    .from((CompositeData) notification.getUserData());
            long used = 0;
            for (Map.Entry<String, MemoryUsage> e : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                if (heapPools.contains(e.getKey())) {
                    used += e.getValue().getUsed();
                }
            }
            lastAfterGc = used;
            maxAfterGc = Math.max(maxAfterGc, used);
            collections++;
        }

        void stop() {
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                try {
                    ((NotificationEmitter) gc).removeNotificationListener(this);
                } catch (javax.management.ListenerNotFoundException e) {
                    // never added to this collector: nothing to remove
                }
            }
        }

        long afterGc() {
            return lastAfterGc;
        }

        long peak() {
            return pools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        }

        String summary() {
            stop();
            return String.format("%,d collections, heap after GC at most %,d MB, peak of the heap pools %,d MB",
                    collections, mb(maxAfterGc), mb(peak()));
        }

        InputStream reporting(InputStream in, long size) {
            return new FilterInputStream(in) {
                private final long start = System.nanoTime();
                private long read;
                private long nextReport = size / 10;
                private long nextTime = start + 15_000_000_000L;

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    int n = super.read(b, off, len);
                    if (n > 0) {
                        read += n;
                        long now = System.nanoTime();
                        if (read >= nextReport || now >= nextTime) {
                            while (nextReport <= read) {
                                nextReport += size / 10;
                            }
                            nextTime = now + 15_000_000_000L;
                            System.out.printf("  %5.1f %% after %4.0f s: heap after the last GC %,5d MB, used now "
                                    + "%,5d MB%n", read * 100.0 / size, (now - start) / 1e9, mb(afterGc()),
                                    mb(Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()));
                        }
                    }
                    return n;
                }
            };
        }

        private static long mb(long bytes) {
            return bytes / (1024 * 1024);
        }
    }

    /** A file that breaks off once its time is up (the import stops there; what it stored stays). */
    private static final class Deadline extends FilterInputStream {
        private final long deadline;

        Deadline(InputStream in, long deadline) {
            super(in);
            this.deadline = deadline;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (System.nanoTime() > deadline) {
                throw new IOException("the benchmark's time for this import is up");
            }
            return super.read(b, off, len);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }
    }

    static String partner(int p) {
        return "P-" + (1000 + p);
    }

    /** Invoices {@code first} to {@code first + count - 1}, two lines each. */
    static byte[] csv(int first, int count) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(count * 240);
        try {
            out.write(HEADER.getBytes(StandardCharsets.UTF_8));
            for (int n = first; n < first + count; n++) {
                out.write(rows(n));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Writes invoices of {@code lines} lines until the file has {@code bytes}; returns the rows written. */
    private static long writeCsv(Path file, long bytes, int lines) throws IOException {
        long rows = 0;
        long written = 0;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            byte[] header = HEADER.getBytes(StandardCharsets.UTF_8);
            out.write(header);
            written += header.length;
            for (int n = 0; written < bytes; n++) {
                byte[] r = rows(n, lines);
                out.write(r);
                written += r.length;
                rows += lines;
            }
        }
        return rows;
    }

    private static byte[] rows(int n) {
        return rows(n, 2);
    }

    /** Invoice {@code n}: a router and a support contract, then accessories up to {@code lines} lines. */
    private static byte[] rows(int n, int lines) {
        LocalDate issued = LocalDate.of(2026, 1, 1).plusDays(n % 330);
        String head = partner(n % PARTNERS) + ",receivable,invoice,CSV-" + n + "," + issued + ","
                + issued.plusDays(30) + ",EUR,";
        StringBuilder rows = new StringBuilder(lines * 100)
                .append(head).append("Routers model ").append(n % 17).append(',').append(1 + n % 9).append(',')
                .append(100 + n % 50).append(".00,S,19,,\n")
                .append(head).append("Support contract,").append(1 + n % 3).append(",49.90,S,19,,\n");
        for (int line = 3; line <= lines; line++) {
            rows.append(head).append("Accessory ").append(line).append(',').append(1 + line % 4).append(',')
                    .append(5 + line % 20).append(".90,S,19,,\n");
        }
        return rows.toString().getBytes(StandardCharsets.UTF_8);
    }

}
