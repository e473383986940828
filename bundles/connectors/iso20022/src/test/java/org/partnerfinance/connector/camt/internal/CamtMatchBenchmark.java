package org.partnerfinance.connector.camt.internal;

import static org.partnerfinance.connectors.internal.BenchmarkSupport.deleteTree;
import static org.partnerfinance.connectors.internal.BenchmarkSupport.median;
import static org.partnerfinance.connectors.internal.BenchmarkSupport.source;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Currency;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.partnerfinance.connectors.internal.BenchmarkSupport.CountingSink;
import org.partnerfinance.connectors.api.ImportRun;
import org.partnerfinance.connectors.api.ImportService;
import org.partnerfinance.connectors.internal.ImportHarness;
import org.partnerfinance.partner.api.BankAccount;
import org.partnerfinance.partner.api.PartnerDetails;
import org.partnerfinance.partner.api.PartnerKind;
import org.partnerfinance.persistence.api.Jpa;
import org.partnerfinance.persistence.api.PersistenceUnitSpec;
import org.partnerfinance.persistence.internal.TestPersistence;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.Role;

/**
 * camt.053 entries matched per second end to end against {@code pf.bench.open} (default 100,000) open items, against
 * the connector's own reading of the same file in the same run.
 *
 * <p>An embedded Derby <b>file</b> database gets {@code pf.bench.partners} partners (default 1,000, each with an IBAN
 * on file, through the partner service) and, in JDBC batches in the documents bundle's tables (the services would take
 * most of an hour for the fill), the open items: receivable and payable invoices (one line and one tax row each, open
 * totals as the service keeps them) and open payments — reported receivable ones and payable ones sent to the bank,
 * each with an end-to-end id and a pending allocation to an invoice of its own. The matcher reads them through the
 * documents service like any other data. Then per round one camt.053.001.08 statement of {@code pf.bench.entries}
 * entries (default 10,000) mixing what the matcher knows: end-to-end id, ISO 11649 creditor reference (a payment's,
 * or one carrying a document number), document number in the remittance information, amount + counterparty IBAN,
 * amount + counterparty name, two documents of the same amount named (ambiguous), and nothing known (unmatched).
 *
 * <ul>
 * <li><b>parse</b>: {@link CamtConnector#read} into a sink that only counts (XML, checks, the entries);</li>
 * <li><b>import</b>: {@link ImportService#run} with the real import service, camt book, documents, ledger, partner
 * and audit services: every entry matched, confirmed (payment confirmed, documents settled, posted, audited) or queued
 * with its suggestions.</li>
 * </ul>
 *
 * One unmeasured warm-up round ({@code pf.bench.warmup} entries), then {@code pf.bench.rounds} rounds; each round
 * prints the open items it started from, how many entries were confirmed and queued (read back from the bank entry
 * table) against what the file was made to produce, and the rates; then the median. Each round's items are its own,
 * and the fill adds as many items as the rounds confirm, so every round starts from at least {@code pf.bench.open}.
 */
public final class CamtMatchBenchmark {

    private static final Caller INTEGRATOR = new Caller("bench-integrator", null, Set.of(Role.INTEGRATOR), null);
    /** Also time the matcher's load of the open items on its own before each round ({@code pf.bench.load}). */
    private static final boolean LOAD_ALONE = Boolean.parseBoolean(System.getProperty("pf.bench.load", "true"));
    private static final LocalDate BOOKED = LocalDate.of(2026, 12, 1);
    private static final String ACCOUNT = "DE89370400440532013000";
    /** Items i and i + STRIDE have the same amount (and other partners): amount alone never decides. */
    private static final int STRIDE = 20_011;

    /** What an entry was made to find, and whether the matcher should confirm it without a person. */
    enum Kind {
        END_TO_END(true), CREDITOR_REFERENCE(true), DOCUMENT_NUMBER(true), AMOUNT_IBAN(true), AMOUNT_NAME(true),
        AMBIGUOUS(false), UNMATCHED(false);

        final boolean confirms;

        Kind(boolean confirms) {
            this.confirms = confirms;
        }
    }

    private final int partners;
    private final int total;

    private CamtMatchBenchmark(int partners, int total) {
        this.partners = partners;
        this.total = total;
    }

    public static void main(String[] args) throws Exception {
        int open = Integer.getInteger("pf.bench.open", 100_000);
        int entries = Integer.getInteger("pf.bench.entries", 10_000);
        int rounds = Integer.getInteger("pf.bench.rounds", 3);
        int warmup = Integer.getInteger("pf.bench.warmup", 2_000);
        int partners = Integer.getInteger("pf.bench.partners", 1_000);
        Path dir = Path.of(System.getProperty("pf.bench.dir", "target/camt-benchmark")).toAbsolutePath();
        deleteTree(dir);
        Files.createDirectories(dir.resolve("etc"));
        System.setProperty("derby.language.sequence.preallocator", "1000");
        // a round confirms at most its entries: the fill adds that many so each round starts from `open` or more
        int slice = 2 * entries;
        int total = open + warmup + rounds * entries;
        if (total < 2 * warmup + rounds * slice + STRIDE) {
            throw new IllegalArgumentException("pf.bench.open is too small for the rounds' items");
        }
        CamtMatchBenchmark bench = new CamtMatchBenchmark(partners, total);
        try (TestPersistence db = TestPersistence.on("jdbc:derby:" + dir.resolve("db") + ";create=true");
                ImportHarness stack = new ImportHarness(db, dir.resolve("etc"), dir.resolve("originals"), 90,
                        Clock.systemUTC())) {
            Jpa jpa = db.persistenceService().open(new PersistenceUnitSpec(CamtBook.UNIT,
                    TestPersistence.bundleOf(CamtBook.class), List.of(), "db/camt"));
            try {
                CamtBook book = new CamtBook(jpa, db.unitOfWork(), stack.core.audit, stack.core.documents,
                        stack.core.partners, Clock.systemUTC());
                CamtConnector connector = new CamtConnector(book, 200_000);
                stack.add(connector);
                long t0 = System.nanoTime();
                for (int p = 0; p < partners; p++) {
                    stack.core.partners.create(Caller.system(), bench.partnerId(p), new PartnerDetails(
                            bench.partnerName(p), PartnerKind.RESELLER, Currency.getInstance("EUR"),
                            Set.of(Currency.getInstance("EUR")), "", "", null, 30, null, true,
                            new BankAccount(bench.iban(p), "", "")));
                }
                System.out.printf(Locale.ROOT, "%,d partners with IBANs through the partner service in %.1f s%n",
                        partners, (System.nanoTime() - t0) / 1e9);
                t0 = System.nanoTime();
                bench.fill(db);
                System.out.printf(Locale.ROOT, "filled %,d open items (%,d payments) in %.1f s%n", total,
                        bench.paymentCount(), (System.nanoTime() - t0) / 1e9);

                System.out.printf(Locale.ROOT, "camt match benchmark: %,d entries per round, %d rounds, "
                        + "%,d partners%n", entries, rounds, partners);
                if (warmup > 0) {
                    bench.round(connector, book, stack.imports(), db, "warm-up", 0, warmup);
                }
                double[] parse = new double[rounds];
                double[] matched = new double[rounds];
                for (int r = 0; r < rounds; r++) {
                    double[] rates = bench.round(connector, book, stack.imports(), db, "round " + (r + 1),
                            2 * warmup + r * slice, entries);
                    parse[r] = rates[0];
                    matched[r] = rates[1];
                }
                double p = median(parse);
                double m = median(matched);
                System.out.printf(Locale.ROOT, "median: parse %,10.0f entries/s   import %,8.1f entries/s   "
                        + "ratio %.3f%n", p, m, m / p);
            } finally {
                jpa.close();
            }
        }
    }

    // ---- the open items ----------------------------------------------------------------------------------------

    /*
     * Item i belongs to partner i % partners; by i % 10: 0 a reported receivable payment, 1 a payable payment sent to
     * the bank (its remittance an RF reference), 2-8 a receivable invoice, 9 a payable invoice. Amounts repeat every
     * STRIDE items, never within one partner.
     */

    private static boolean isPayment(int i) {
        return i % 10 <= 1;
    }

    private static boolean receivable(int i) {
        return i % 10 != 1 && i % 10 != 9;
    }

    static BigDecimal amount(int i) {
        return BigDecimal.valueOf(10_000 + (i % STRIDE) * 7L, 2);
    }

    String partnerId(int p) {
        return String.format(Locale.ROOT, "P-%05d", p);
    }

    String partnerName(int p) {
        // fixed width: no partner's name is part of another's
        return String.format(Locale.ROOT, "Reseller %05d GmbH", p);
    }

    /** A German IBAN with correct check digits. */
    String iban(int p) {
        String bban = String.format(Locale.ROOT, "37040044%010d", 5_000_000L + p);
        String digits = bban + "1314" + "00";
        int check = 98 - new BigInteger(digits).mod(BigInteger.valueOf(97)).intValue();
        return String.format(Locale.ROOT, "DE%02d%s", check, bban);
    }

    /** The invoice number of item i (a document), or of the invoice a payment item pays. */
    static String number(int i) {
        return String.format(Locale.ROOT, "%s%07d", isPayment(i) ? "PIN" : receivable(i) ? "INV" : "BIL", i);
    }

    static String endToEnd(int i) {
        return String.format(Locale.ROOT, "E2E%07d", i);
    }

    long paymentCount() {
        return (total + 9) / 10 + (total + 8) / 10;
    }

    private void fill(TestPersistence db) throws Exception {
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement d = c.prepareStatement("INSERT INTO doc_document (partner_id, direction, kind, "
                    + "doc_number, number_key, issue_date, due_date, currency, net, tax, gross, open_amount, status, "
                    + "disputed, credited_id, source_system, source_reference, search_text, created_by, created_at, "
                    + "version) VALUES (?, ?, 'INVOICE', ?, ?, ?, ?, 'EUR', ?, ?, ?, ?, 'OPEN', FALSE, NULL, 'BENCH', "
                    + "?, ?, 'bench', '2026-11-01T12:00:00.000Z', 1)")) {
                for (int i = 0; i < total; i++) {
                    BigDecimal gross = amount(i);
                    BigDecimal net = gross.divide(new BigDecimal("1.19"), 2, java.math.RoundingMode.HALF_EVEN);
                    LocalDate issued = BOOKED.minusDays(30 + i % 300);
                    d.setString(1, partnerId(i % partners));
                    d.setString(2, receivable(i) ? "RECEIVABLE" : "PAYABLE");
                    d.setString(3, number(i));
                    d.setString(4, number(i));
                    d.setDate(5, Date.valueOf(issued));
                    d.setDate(6, Date.valueOf(issued.plusDays(30)));
                    d.setBigDecimal(7, net);
                    d.setBigDecimal(8, gross.subtract(net));
                    d.setBigDecimal(9, gross);
                    d.setBigDecimal(10, gross);
                    d.setString(11, number(i));
                    d.setString(12, number(i).toLowerCase(Locale.ROOT) + " hardware");
                    d.addBatch();
                    if (i % 5000 == 4999) {
                        d.executeBatch();
                        c.commit();
                    }
                }
                d.executeBatch();
                c.commit();
            }
            try (Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO doc_line (document_id, line_no, description, quantity, unit_price, "
                        + "tax_category, tax_rate, net, account) SELECT id, 1, 'Hardware', 1, net, 'S', 19, net, "
                        + "CAST(NULL AS VARCHAR(10)) FROM doc_document");
                s.executeUpdate("INSERT INTO doc_tax (document_id, position_no, tax_category, tax_rate, taxable, tax) "
                        + "SELECT id, 1, 'S', 19, net, tax FROM doc_document");
                s.executeUpdate("INSERT INTO doc_open_total (partner_id, currency, direction, kind, issue_date, "
                        + "due_date, gross, open_amount) SELECT partner_id, currency, direction, kind, issue_date, "
                        + "due_date, SUM(gross), SUM(open_amount) FROM doc_document GROUP BY partner_id, currency, "
                        + "direction, kind, issue_date, due_date");
            }
            c.commit();
            try (PreparedStatement p = c.prepareStatement("INSERT INTO doc_payment (partner_id, direction, amount, "
                    + "currency, method, value_date, status, remittance, end_to_end_id, end_to_end_key, source_system, "
                    + "bank_reference, booking_date, confirmed_by, unapplied, created_by, created_at, version, "
                    + "payment_order, sent_on) VALUES (?, ?, ?, 'EUR', 'BANK_TRANSFER', ?, ?, ?, ?, ?, 'BENCH', NULL, "
                    + "NULL, NULL, 0, 'bench', '2026-11-01T12:00:00.000Z', 1, ?, ?)")) {
                int n = 0;
                for (int i = 0; i < total; i++) {
                    if (!isPayment(i)) {
                        continue;
                    }
                    boolean in = receivable(i);
                    p.setString(1, partnerId(i % partners));
                    p.setString(2, in ? "RECEIVABLE" : "PAYABLE");
                    p.setBigDecimal(3, amount(i));
                    p.setDate(4, Date.valueOf(BOOKED.minusDays(2)));
                    p.setString(5, in ? "REPORTED" : "SENT");
                    p.setString(6, in ? "Payment advice for " + number(i) : CreditorReference.of(number(i) + "P"));
                    p.setString(7, endToEnd(i));
                    p.setString(8, endToEnd(i));
                    p.setString(9, in ? null : "PO-BENCH-" + (i / 1000));
                    p.setDate(10, in ? null : Date.valueOf(BOOKED.minusDays(2)));
                    p.addBatch();
                    if (++n % 5000 == 0) {
                        p.executeBatch();
                        c.commit();
                    }
                }
                p.executeBatch();
                c.commit();
            }
            // each payment's pending allocation (not effective until the bank confirms it) to its own invoice
            try (Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO doc_allocation (partner_id, currency, document_id, payment_id, "
                        + "credit_note_id, amount, alloc_date, effective, created_at) SELECT p.partner_id, 'EUR', d.id, "
                        + "p.id, CAST(NULL AS BIGINT), p.amount, p.value_date, FALSE, '2026-11-01T12:00:00.000Z' "
                        + "FROM doc_payment p JOIN doc_document d ON d.partner_id = p.partner_id "
                        + "AND d.direction = p.direction AND d.number_key = 'PIN' || SUBSTR(p.end_to_end_key, 4)");
                for (String table : List.of("DOC_DOCUMENT", "DOC_LINE", "DOC_TAX", "DOC_PAYMENT", "DOC_ALLOCATION",
                        "DOC_OPEN_TOTAL")) {
                    s.execute("CALL SYSCS_UTIL.SYSCS_UPDATE_STATISTICS('APP', '" + table + "', NULL)");
                }
            }
            c.commit();
        }
    }

    // ---- the statements ----------------------------------------------------------------------------------------

    /**
     * One statement of {@code count} entries made from the items from {@code first} on, each item used at most once
     * (an ambiguous entry also names item i + STRIDE, which no other entry then uses).
     */
    private StatementFile statement(String id, int first, int count) {
        StringBuilder xml = new StringBuilder(count * 700);
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:"
                + "camt.053.001.08\"><BkToCstmrStmt><GrpHdr><MsgId>MSG-").append(id).append("</MsgId><CreDtTm>"
                + "2026-12-01T19:00:00+01:00</CreDtTm></GrpHdr><Stmt><Id>").append(id).append("</Id><CreDtTm>"
                + "2026-12-01T19:00:00+01:00</CreDtTm><Acct><Id><IBAN>").append(ACCOUNT).append("</IBAN></Id>"
                + "<Ccy>EUR</Ccy></Acct>\n");
        Map<Kind, Integer> kinds = new EnumMap<>(Kind.class);
        java.util.BitSet used = new java.util.BitSet();
        int i = first;
        for (int e = 1; e <= count; e++, i++) {
            while (used.get(i)) {
                i++;
            }
            used.set(i);
            int p = i % partners;
            int variant = (i / 10) % 4;
            Kind kind;
            String e2e = null;
            String name = null;
            String iban = null;
            String ref = null;
            String remittance = null;
            BigDecimal amount = amount(i);
            if (i % 10 == 0) {
                // a reported payment: by its end-to-end id, or by amount + the partner's name
                if (variant < 2) {
                    kind = Kind.END_TO_END;
                    e2e = endToEnd(i);
                } else {
                    kind = Kind.AMOUNT_NAME;
                    name = partnerName(p).toUpperCase(Locale.ROOT);
                    remittance = "Payment " + (variant == 2 ? "November" : "December");
                }
            } else if (i % 10 == 1) {
                // a payment sent to the bank: by its end-to-end id, or by the RF reference it carries
                if (variant < 2) {
                    kind = Kind.END_TO_END;
                    e2e = endToEnd(i);
                } else {
                    kind = Kind.CREDITOR_REFERENCE;
                    ref = CreditorReference.of(number(i) + "P");
                }
                name = partnerName(p);
            } else if (i % 10 == 9) {
                // a payable paid: the invoice number in the remittance, or amount + the partner's IBAN
                if (variant < 2) {
                    kind = Kind.DOCUMENT_NUMBER;
                    remittance = "Invoice " + number(i) + " /ROC/";
                } else {
                    kind = Kind.AMOUNT_IBAN;
                    iban = iban(p);
                }
                name = partnerName(p);
            } else {
                int v = (i / 10 + i % 10) % 7;
                switch (v) {
                    case 0, 1 -> {
                        kind = Kind.DOCUMENT_NUMBER;
                        remittance = "Ihre Rechnung " + number(i) + " vom " + BOOKED.minusDays(40) + ", Kd-Nr. "
                                + partnerId(p);
                        name = partnerName(p);
                    }
                    case 2 -> {
                        kind = Kind.CREDITOR_REFERENCE;
                        ref = CreditorReference.of(number(i));
                    }
                    case 3 -> {
                        kind = Kind.AMOUNT_IBAN;
                        iban = iban(p);
                        name = "R. " + p + " Treasury";
                    }
                    case 4 -> {
                        int twin = i + STRIDE;
                        if (twin < total && i % 10 <= 7 && !used.get(twin)) {
                            // two documents of the same amount named: both strong candidates, a person decides
                            kind = Kind.AMBIGUOUS;
                            used.set(twin);
                            remittance = number(i) + " " + number(twin);
                        } else {
                            kind = Kind.DOCUMENT_NUMBER;
                            remittance = number(i);
                        }
                    }
                    default -> {
                        // nothing the portal knows: an amount no item has, a payer that is no partner
                        kind = Kind.UNMATCHED;
                        amount = BigDecimal.valueOf(1 + (i % 9_000), 2);
                        name = "Unknown Payer " + (i % 97) + " Ltd";
                        remittance = "Donation " + i;
                    }
                }
            }
            kinds.merge(kind, 1, Integer::sum);
            boolean credit = receivable(i) || kind == Kind.UNMATCHED;
            entry(xml, id, e, amount, credit, e2e, name, iban, ref, remittance);
        }
        xml.append("</Stmt></BkToCstmrStmt></Document>\n");
        return new StatementFile(xml.toString().getBytes(StandardCharsets.UTF_8), kinds);
    }

    private static void entry(StringBuilder xml, String statement, int index, BigDecimal amount, boolean credit,
            String e2e, String name, String iban, String ref, String remittance) {
        xml.append("<Ntry><Amt Ccy=\"EUR\">").append(amount.toPlainString()).append("</Amt><CdtDbtInd>")
                .append(credit ? "CRDT" : "DBIT").append("</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>")
                .append(BOOKED).append("</Dt></BookgDt><ValDt><Dt>").append(BOOKED).append("</Dt></ValDt>")
                .append("<AcctSvcrRef>").append(statement).append('-').append(index).append("</AcctSvcrRef>")
                .append("<BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>").append(credit ? "RCDT" : "ICDT")
                .append("</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd><NtryDtls><TxDtls><Refs>")
                .append("<EndToEndId>").append(e2e == null ? "NOTPROVIDED" : e2e).append("</EndToEndId></Refs>");
        String party = credit ? "Dbtr" : "Cdtr";
        if (name != null || iban != null) {
            xml.append("<RltdPties>");
            if (name != null) {
                xml.append('<').append(party).append("><Pty><Nm>").append(name).append("</Nm></Pty></")
                        .append(party).append('>');
            }
            if (iban != null) {
                xml.append('<').append(party).append("Acct><Id><IBAN>").append(iban).append("</IBAN></Id></")
                        .append(party).append("Acct>");
            }
            xml.append("</RltdPties>");
        }
        if (ref != null || remittance != null) {
            xml.append("<RmtInf>");
            if (remittance != null) {
                xml.append("<Ustrd>").append(remittance).append("</Ustrd>");
            }
            if (ref != null) {
                xml.append("<Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry></Tp><Ref>").append(ref)
                        .append("</Ref></CdtrRefInf></Strd>");
            }
            xml.append("</RmtInf>");
        }
        xml.append("</TxDtls></NtryDtls></Ntry>\n");
    }

    private record StatementFile(byte[] xml, Map<Kind, Integer> kinds) {

        long expectedConfirmed() {
            return kinds.entrySet().stream().filter(e -> e.getKey().confirms).mapToLong(Map.Entry::getValue).sum();
        }
    }

    // ---- a round -----------------------------------------------------------------------------------------------

    /** Answers the parse and import rates (entries/s). */
    private double[] round(CamtConnector connector, CamtBook book, ImportService imports, TestPersistence db,
            String name, int first, int count) throws Exception {
        String statementId = "STMT-BENCH-" + name.replace(' ', '-').toUpperCase(Locale.ROOT);
        StatementFile file = statement(statementId, first, count);
        long openBefore = openItems(db);
        // what a run does once before its first entry, on its own (also part of the import's time below)
        long start = System.nanoTime();
        int loaded = LOAD_ALONE ? book.openItems(INTEGRATOR).size() : -1;
        double loadSeconds = (System.nanoTime() - start) / 1e9;

        CountingSink sink = new CountingSink();
        start = System.nanoTime();
        connector.read(source("statement.xml", new ByteArrayInputStream(file.xml())), sink);
        long parseNanos = System.nanoTime() - start;
        if (sink.items != count) {
            throw new IllegalStateException("read " + sink.items + " of " + count + " entries; first refusal: "
                    + sink.firstRefusal);
        }

        start = System.nanoTime();
        ImportRun run = imports.run(INTEGRATOR, CamtConnector.ID, statementId + ".xml",
                new ByteArrayInputStream(file.xml()), null);
        long importNanos = System.nanoTime() - start;
        Map<String, Long> outcome = entryStatuses(db, statementId);
        long confirmed = outcome.getOrDefault("MATCHED", 0L);
        long queued = outcome.getOrDefault("OPEN", 0L);
        if (run.created() != count || confirmed + queued != count) {
            throw new IllegalStateException(name + ": the run created " + run.created() + " of " + count
                    + " entries (" + outcome + "): " + run.failure() + " " + run.rejected());
        }
        double parseRate = count / (parseNanos / 1e9);
        double importRate = count / (importNanos / 1e9);
        String load = LOAD_ALONE ? String.format(Locale.ROOT, " (%,d loaded by the matcher in %.1f s)", loaded,
                loadSeconds) : "";
        System.out.printf(Locale.ROOT, "%-8s %,d open items%s, %,d entries (%,d KB) %s%n", name, openBefore, load,
                count, file.xml().length / 1024, file.kinds());
        System.out.printf(Locale.ROOT, "         confirmed %,d (made to confirm %,d), queued %,d (%,d with "
                + "suggestions); parse %,10.0f entries/s   import %,8.1f entries/s (%.1f s)   ratio %.4f%n",
                confirmed, file.expectedConfirmed(), queued, withSuggestions(db, statementId), parseRate,
                importRate, importNanos / 1e9, importRate / parseRate);
        return new double[] {parseRate, importRate};
    }

    /** Open invoices nothing pays yet plus open (reported, sent) payments: what the matcher loads. */
    private static long openItems(TestPersistence db) throws Exception {
        return count(db, "SELECT COUNT(*) FROM doc_document d WHERE d.kind = 'INVOICE' AND d.open_amount > 0 "
                + "AND NOT EXISTS (SELECT 1 FROM doc_allocation a JOIN doc_payment p ON p.id = a.payment_id "
                + "WHERE a.document_id = d.id AND p.status IN ('SENT', 'REPORTED', 'SCHEDULED'))")
                + count(db, "SELECT COUNT(*) FROM doc_payment WHERE status IN ('SENT', 'REPORTED', 'SCHEDULED')");
    }

    private static Map<String, Long> entryStatuses(TestPersistence db, String statementId) throws Exception {
        Map<String, Long> out = new TreeMap<>();
        try (Connection c = db.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT status, COUNT(*) FROM camt_entry WHERE statement_id = ? GROUP BY status")) {
            s.setString(1, statementId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return out;
    }

    private static long withSuggestions(TestPersistence db, String statementId) throws Exception {
        return count(db, "SELECT COUNT(*) FROM camt_entry e WHERE e.statement_id = '" + statementId + "' AND "
                + "e.status = 'OPEN' AND EXISTS (SELECT 1 FROM camt_suggestion s WHERE s.entry_id = e.entry_id)");
    }

    private static long count(TestPersistence db, String sql) throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

}
