package org.partnerfinance.connector.peppol.internal;

import static org.partnerfinance.connectors.internal.BenchmarkSupport.deleteTree;
import static org.partnerfinance.connectors.internal.BenchmarkSupport.median;
import static org.partnerfinance.connectors.internal.BenchmarkSupport.source;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.partnerfinance.connectors.internal.BenchmarkSupport.CountingSink;
import org.partnerfinance.connectors.api.ImportRun;
import org.partnerfinance.connectors.api.ImportService;
import org.partnerfinance.connectors.internal.ImportHarness;
import org.partnerfinance.partner.api.Partner;
import org.partnerfinance.partner.api.PartnerDetails;
import org.partnerfinance.partner.api.PartnerKind;
import org.partnerfinance.persistence.internal.TestPersistence;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.Role;

/**
 * Peppol UBL invoices imported per second end to end against the connector's own reading of the same files.
 *
 * <p>The invoices are made from the official Peppol BIS Billing 3.0 example (src/test/resources/peppol/
 * base-example.xml): each has its own number, one of the benchmark's partners as supplier (by Peppol endpoint id, so
 * it becomes that partner's payable), its own quantity on the first line and zero to three extra lines, with the tax
 * and totals recomputed so that they add up. Every file is distinct, so every import creates a document.
 *
 * <p>Measured per round: <b>parse</b> (the connector's {@code read} of each file: size limit, XML with the UBL 2.1
 * schema validation, the draft with the partner looked up in a map; the sink only counts), the same files read from
 * zips of {@code pf.bench.zip} files (parse, zips), and two imports, each of its own new files: <b>one run per file</b>
 * ({@code pf.bench.single} files, each an {@code ImportService.run} as {@code POST /api/v1/imports/peppol-ubl} with
 * one XML does) and <b>zips</b> (the round's files in zips of {@code pf.bench.zip}, one run per zip). An import is
 * everything the portal does: the run recorded and audited, the file kept, the partner found through the partner
 * service, the document with its lines, ledger posting and audit record, the original and the idempotency record, on
 * an embedded Derby file database. One unmeasured warm-up round, then the rounds; the median round is printed with
 * the ratios import / parse (parse of single files). Run with
 * {@code -Dexec.mainClass=org.partnerfinance.connector.peppol.internal.UblImportBenchmark} (see docs/benchmarks.md).
 */
public final class UblImportBenchmark {

    private static final Caller INTEGRATOR = new Caller("bench-integrator", null, Set.of(Role.INTEGRATOR), null);

    private UblImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int documents = Integer.getInteger("pf.bench.documents", 5_000);
        int partners = Integer.getInteger("pf.bench.partners", 50);
        int rounds = Integer.getInteger("pf.bench.rounds", 3);
        int warmup = Integer.getInteger("pf.bench.warmup", 500);
        int single = Integer.getInteger("pf.bench.single", 200);
        int perZip = Integer.getInteger("pf.bench.zip", 1_000);
        Path dir = Path.of(System.getProperty("pf.bench.dir", "target/ubl-benchmark")).toAbsolutePath();
        deleteTree(dir);
        Files.createDirectories(dir.resolve("etc"));

        String template = new String(readResource("/peppol/base-example.xml"), StandardCharsets.UTF_8);
        Invoices invoices = new Invoices(template, partners);
        Map<String, String> partnerIds = new HashMap<>();
        for (int p = 0; p < partners; p++) {
            partnerIds.put(invoices.peppolId(p), "P-" + (1000 + p));
        }
        PeppolConnector.Settings settings = new PeppolConnector.Settings(10_000_000, true, true, "peppol",
                UblWriter.Seller.NONE);
        PeppolConnector parsing = new PeppolConnector(id -> Optional.ofNullable(partnerIds.get(id)), settings);

        System.out.printf("UBL import benchmark: %,d invoices per round, %d partners, %d rounds, Derby file database "
                + "in %s%n", documents, partners, rounds, dir);
        try (TestPersistence db = TestPersistence.on("jdbc:derby:" + dir.resolve("db") + ";create=true");
                ImportHarness stack = new ImportHarness(db, dir.resolve("etc"), dir.resolve("originals"), 90,
                        Clock.systemUTC())) {
            Currency eur = Currency.getInstance("EUR");
            for (int p = 0; p < partners; p++) {
                stack.core.partners.create(Caller.system(), "P-" + (1000 + p), new PartnerDetails("Supplier " + p,
                        PartnerKind.VENDOR, eur, Set.of(eur), "", invoices.peppolId(p), null, 30, null, true));
            }
            PeppolConnector importing = new PeppolConnector(id -> stack.core.partners
                    .findByIdentifier(Caller.system(), id).map(Partner::id), settings);
            stack.add(importing);
            ImportService imports = stack.imports();

            List<byte[]> files = invoices.next(warmup);
            parse(parsing, files);
            importAll(imports, files.subList(0, Math.min(single, files.size())));
            importZips(imports, zips(files.subList(Math.min(single, files.size()), files.size()), perZip));
            System.out.printf("warm-up: %,d invoices parsed and imported%n", warmup);

            double[] parseRates = new double[rounds];
            double[] singleRates = new double[rounds];
            double[] zipParseRates = new double[rounds];
            double[] zipRates = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                files = invoices.next(documents);
                List<byte[]> zips = zips(files, perZip);
                parseRates[r] = documents / seconds(parse(parsing, files));
                zipParseRates[r] = documents / seconds(parseZips(parsing, zips, documents));
                zipRates[r] = documents / seconds(importZips(imports, zips));
                List<byte[]> singles = invoices.next(single);
                singleRates[r] = single / seconds(importAll(imports, singles));
                System.out.printf("round %d: parse %,8.0f/s (zips %,8.0f/s)   import: one run per file %,7.1f/s "
                        + "(ratio %.3f), zips of %,d %,7.1f/s (ratio %.3f)%n", r + 1, parseRates[r],
                        zipParseRates[r], singleRates[r], singleRates[r] / parseRates[r], perZip, zipRates[r],
                        zipRates[r] / parseRates[r]);
            }
            double parse = median(parseRates);
            double one = median(singleRates);
            double zipped = median(zipRates);
            System.out.printf("median:  parse %,8.0f/s (zips %,8.0f/s)   import: one run per file %,7.1f/s (ratio "
                    + "%.3f), zips of %,d %,7.1f/s (ratio %.3f)   (target: >= 2,000/s and >= 0.3)%n", parse,
                    median(zipParseRates), one, one / parse, perZip, zipped, zipped / parse);
        }
    }

    /** The files in zips of at most {@code perZip} each, in order; entries named as a sender might name them. */
    static List<byte[]> zips(List<byte[]> files, int perZip) throws IOException {
        List<byte[]> zips = new ArrayList<>();
        for (int from = 0; from < files.size(); from += perZip) {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
                for (int i = from; i < Math.min(files.size(), from + perZip); i++) {
                    zip.putNextEntry(new java.util.zip.ZipEntry("invoice-" + i + ".xml"));
                    zip.write(files.get(i));
                    zip.closeEntry();
                }
            }
            zips.add(bytes.toByteArray());
        }
        return zips;
    }

    /** The connector's own reading of the zips, no database. */
    private static long parseZips(PeppolConnector connector, List<byte[]> zips, int expected) throws Exception {
        CountingSink sink = new CountingSink();
        long start = System.nanoTime();
        for (int i = 0; i < zips.size(); i++) {
            connector.read(source("invoices-" + i + ".zip", zips.get(i)), sink);
        }
        long took = System.nanoTime() - start;
        if (sink.documents != expected) {
            throw new IllegalStateException("The connector handed over " + sink.documents + " of " + expected
                    + " invoices from the zips; first refusal: " + sink.firstRefusal);
        }
        return took;
    }

    /** One import run per zip; every file in it must create its document. */
    private static long importZips(ImportService imports, List<byte[]> zips) throws IOException {
        int[] counts = new int[zips.size()];
        for (int i = 0; i < zips.size(); i++) {
            counts[i] = entries(zips.get(i));
        }
        long start = System.nanoTime();
        for (int i = 0; i < zips.size(); i++) {
            int files = counts[i];
            ImportRun run = imports.run(INTEGRATOR, PeppolConnector.ID, "invoices-" + i + ".zip",
                    new ByteArrayInputStream(zips.get(i)), null);
            if (run.created() != files) {
                throw new IllegalStateException("Import of zip " + i + " created " + run.created() + " of " + files
                        + ": " + run.failure() + " " + run.rejected());
            }
        }
        return System.nanoTime() - start;
    }

    private static int entries(byte[] zip) throws IOException {
        int n = 0;
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new ByteArrayInputStream(zip))) {
            while (in.getNextEntry() != null) {
                n++;
            }
        }
        return n;
    }

    /** The connector's own reading of each file, no database: what an import cannot be faster than. */
    private static long parse(PeppolConnector connector, List<byte[]> files) throws Exception {
        CountingSink sink = new CountingSink();
        long start = System.nanoTime();
        for (int i = 0; i < files.size(); i++) {
            connector.read(source("invoice-" + i + ".xml", files.get(i)), sink);
        }
        long took = System.nanoTime() - start;
        if (sink.documents != files.size()) {
            throw new IllegalStateException("The connector handed over " + sink.documents + " of " + files.size()
                    + " invoices; first refusal: " + sink.firstRefusal);
        }
        return took;
    }

    /** One import run per file through the import service; every file must create its document. */
    private static long importAll(ImportService imports, List<byte[]> files) {
        long start = System.nanoTime();
        for (int i = 0; i < files.size(); i++) {
            ImportRun run = imports.run(INTEGRATOR, PeppolConnector.ID, "invoice-" + i + ".xml",
                    new ByteArrayInputStream(files.get(i)), null);
            if (run.created() != 1) {
                throw new IllegalStateException("Import of invoice " + i + " created " + run.created() + ": "
                        + run.failure() + " " + run.rejected());
            }
        }
        return System.nanoTime() - start;
    }

    static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static byte[] readResource(String name) throws IOException {
        try (InputStream in = UblImportBenchmark.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("Missing test resource " + name);
            }
            return in.readAllBytes();
        }
    }

    /**
     * Distinct invoices from the official example: number, supplier, first line's quantity, extra lines, and the
     * totals that follow from them. The example's own lines: 7 days at 400 and -3 days at 500, a charge of 25, VAT
     * category S at 25 %.
     */
    static final class Invoices {
        private static final String LINE_END = "</cac:InvoiceLine>";
        private final String template;
        private final int partners;
        private int next;

        Invoices(String template, int partners) {
            this.template = template;
            this.partners = partners;
            for (String expected : List.of("<cbc:ID>Snippet1</cbc:ID>", "<cbc:PaymentID>Snippet1</cbc:PaymentID>",
                    "schemeID=\"0088\">9482348239847239874<", "<cbc:IssueDate>2017-11-13</cbc:IssueDate>",
                    "<cbc:DueDate>2017-12-01</cbc:DueDate>", ">7</cbc:InvoicedQuantity>",
                    ">2800</cbc:LineExtensionAmount>", ">331.25</cbc:TaxAmount>", ">1325</cbc:TaxableAmount>",
                    ">1300</cbc:LineExtensionAmount>", ">1325</cbc:TaxExclusiveAmount>",
                    ">1656.25</cbc:TaxInclusiveAmount>", ">1656.25</cbc:PayableAmount>")) {
                if (!template.contains(expected)) {
                    throw new IllegalStateException("The Peppol example has changed: no " + expected);
                }
            }
        }

        /** The Peppol id of benchmark partner {@code p}: scheme 0088 (GLN) and 13 digits. */
        String peppolId(int p) {
            return "0088:" + (7_300_000_000_000L + p);
        }

        List<byte[]> next(int count) {
            List<byte[]> files = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                files.add(invoice(next++).getBytes(StandardCharsets.UTF_8));
            }
            return files;
        }

        String invoice(int n) {
            String number = "BENCH-" + n;
            int partner = n % partners;
            int quantity = 5 + n % 11;
            int extraLines = n % 4;
            LocalDate issued = LocalDate.of(2026, 1, 1).plusDays(n % 330);
            BigDecimal first = BigDecimal.valueOf(400L * quantity);
            BigDecimal lines = first.subtract(BigDecimal.valueOf(1500));
            StringBuilder extra = new StringBuilder();
            for (int e = 1; e <= extraLines; e++) {
                BigDecimal price = BigDecimal.valueOf(10L * e + n % 7);
                lines = lines.add(price);
                extra.append("<cac:InvoiceLine><cbc:ID>").append(2 + e)
                        .append("</cbc:ID><cbc:InvoicedQuantity unitCode=\"C62\">1</cbc:InvoicedQuantity>")
                        .append("<cbc:LineExtensionAmount currencyID=\"EUR\">").append(price.toPlainString())
                        .append("</cbc:LineExtensionAmount><cac:Item><cbc:Name>Extra item ").append(e)
                        .append("</cbc:Name><cac:ClassifiedTaxCategory><cbc:ID>S</cbc:ID><cbc:Percent>25.0")
                        .append("</cbc:Percent><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme>")
                        .append("</cac:ClassifiedTaxCategory></cac:Item><cac:Price><cbc:PriceAmount currencyID=")
                        .append("\"EUR\">").append(price.toPlainString())
                        .append("</cbc:PriceAmount></cac:Price></cac:InvoiceLine>");
            }
            BigDecimal taxable = lines.add(BigDecimal.valueOf(25));
            BigDecimal tax = taxable.multiply(new BigDecimal("0.25")).setScale(2, RoundingMode.HALF_UP);
            BigDecimal gross = taxable.add(tax);
            String xml = template
                    .replace("<cbc:ID>Snippet1</cbc:ID>", "<cbc:ID>" + number + "</cbc:ID>")
                    .replace("<cbc:PaymentID>Snippet1</cbc:PaymentID>", "<cbc:PaymentID>" + number
                            + "</cbc:PaymentID>")
                    .replace("schemeID=\"0088\">9482348239847239874<", "schemeID=\"0088\">"
                            + peppolId(partner).substring(5) + "<")
                    .replace("<cbc:IssueDate>2017-11-13</cbc:IssueDate>", "<cbc:IssueDate>" + issued
                            + "</cbc:IssueDate>")
                    .replace("<cbc:DueDate>2017-12-01</cbc:DueDate>", "<cbc:DueDate>" + issued.plusDays(30)
                            + "</cbc:DueDate>")
                    .replace(">7</cbc:InvoicedQuantity>", ">" + quantity + "</cbc:InvoicedQuantity>")
                    .replace(">2800</cbc:LineExtensionAmount>", ">" + first.toPlainString()
                            + "</cbc:LineExtensionAmount>")
                    .replace(">331.25</cbc:TaxAmount>", ">" + tax.toPlainString() + "</cbc:TaxAmount>")
                    .replace(">1325</cbc:TaxableAmount>", ">" + taxable.toPlainString() + "</cbc:TaxableAmount>")
                    .replace(">1300</cbc:LineExtensionAmount>", ">" + lines.toPlainString()
                            + "</cbc:LineExtensionAmount>")
                    .replace(">1325</cbc:TaxExclusiveAmount>", ">" + taxable.toPlainString()
                            + "</cbc:TaxExclusiveAmount>")
                    .replace(">1656.25</cbc:TaxInclusiveAmount>", ">" + gross.toPlainString()
                            + "</cbc:TaxInclusiveAmount>")
                    .replace(">1656.25</cbc:PayableAmount>", ">" + gross.toPlainString() + "</cbc:PayableAmount>");
            int end = xml.lastIndexOf(LINE_END) + LINE_END.length();
            return xml.substring(0, end) + extra + xml.substring(end);
        }
    }
}
