package org.partnerfinance.tools.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.partnerfinance.documents.api.Direction;
import org.partnerfinance.documents.api.DocumentKind;
import org.partnerfinance.documents.api.LineDraft;
import org.partnerfinance.partner.api.PartnerKind;

/**
 * What {@code pf:generate} writes, as a pure function of the partner count and a document's index: the same
 * arguments always give the same partners and the same document {@code k}, so a re-run after an interruption continues
 * with the batch after the last one committed and never writes a document twice (its number would be refused as a
 * duplicate anyway). Dates are relative to the day of the run, spread over two years.
 *
 * <p>Mix: of every 20 documents, 17 are receivable invoices, 2 payable invoices and 1 a receivable credit note (left on
 * account). A share of the receivable invoices older than 45 days is paid in full by a bank-confirmed payment written
 * in the same batch.
 */
final class GeneratePlan {

    /** Days over which issue dates are spread. */
    static final int SPAN_DAYS = 730;

    private static final String[] CURRENCIES = { "EUR", "USD", "GBP" };
    private static final String[] FIRST = { "North", "Blue", "Summit", "River", "Iron", "Silver", "Harbor", "Oak",
            "Granite", "Lake", "Pine", "Crown", "Delta", "Eagle", "Falcon", "Maple", "Orion", "Polar", "Quartz", "Sun" };
    private static final String[] SECOND = { "field", "stone", "bridge", "gate", "point", "wood", "line", "view",
            "brook", "ridge", "way", "port", "vale", "crest", "hill", "well", "mark", "stead", "ford", "haven" };
    private static final String[] SUFFIX = { "Distribution", "Systems", "IT Services", "Technologies", "Trading",
            "Networks", "Solutions", "Data" };
    private static final String[] FORM = { "GmbH", "Inc.", "Ltd" };

    private static final String[][] PRODUCTS = {
            { "Business laptop 14\"", "1189.00" }, { "USB-C docking station", "189.00" },
            { "27\" QHD monitor", "279.00" }, { "Endpoint security licence, 12 months", "38.50" },
            { "Installation and configuration (hours)", "95.00" }, { "48-port PoE network switch", "1870.00" },
            { "Extended warranty, 3 years", "149.00" }, { "Wireless access point", "329.00" } };

    private final int partners;
    private final long documents;
    private final int batchSize;
    private final int paidPercent;
    private final LocalDate today;

    /**
     * @param paidPercent of the receivable invoices older than 45 days, how many per hundred get a confirmed payment
     */
    GeneratePlan(int partners, long documents, int batchSize, int paidPercent, LocalDate today) {
        if (partners < 1 || partners > 9_999_999) {
            throw new IllegalArgumentException("Generate 1 to 9,999,999 partners.");
        }
        if (documents < 0 || documents > 9_999_999_999L) {
            throw new IllegalArgumentException("Generate 0 to 9,999,999,999 documents.");
        }
        if (batchSize < 1 || batchSize > 10_000) {
            throw new IllegalArgumentException("A batch has 1 to 10,000 documents.");
        }
        if (paidPercent < 0 || paidPercent > 100) {
            throw new IllegalArgumentException("The paid share is 0 to 100 percent.");
        }
        this.partners = partners;
        this.documents = documents;
        this.batchSize = batchSize;
        this.paidPercent = paidPercent;
        this.today = today;
    }

    int partners() {
        return partners;
    }

    long documents() {
        return documents;
    }

    int batchSize() {
        return batchSize;
    }

    /**
     * The name under which the run's progress is recorded. It holds only the partner count: documents are numbered by
     * their index alone, so a later run with more documents (or another batch size) continues a smaller one.
     */
    String runKey() {
        return "partners-" + partners;
    }

    /** One past the last document of the batch that starts at {@code first}. */
    long endOf(long first) {
        return Math.min(documents, first + batchSize);
    }

    // --- partners --------------------------------------------------------------------------------------------------

    /** {@code P-9000001} for the first partner: a range the demo and real partners ({@code P-1001}, ...) do not use. */
    static String partnerId(int index) {
        return String.format(Locale.ROOT, "P-9%06d", index + 1);
    }

    static String partnerName(int index) {
        int n = index;
        String first = FIRST[n % FIRST.length];
        n /= FIRST.length;
        String second = SECOND[n % SECOND.length];
        n /= SECOND.length;
        String suffix = SUFFIX[n % SUFFIX.length];
        return first + second + " " + suffix + " " + FORM[index % FORM.length] + " #" + (index + 1);
    }

    static String currency(int partnerIndex) {
        return CURRENCIES[partnerIndex % CURRENCIES.length];
    }

    static PartnerKind kind(int partnerIndex) {
        return partnerIndex % 10 == 0 ? PartnerKind.DISTRIBUTOR
                : partnerIndex % 10 == 9 ? PartnerKind.VENDOR : PartnerKind.RESELLER;
    }

    /** The oldest issue date a run can write: exchange rates must exist from then on. */
    LocalDate oldestDate() {
        return today.minusDays(SPAN_DAYS - 1L);
    }

    // --- documents -------------------------------------------------------------------------------------------------

    /** Document {@code k} of the run. */
    record Doc(long index, int partnerIndex, Direction direction, DocumentKind kind, String number,
            LocalDate issueDate, String currency, List<LineDraft> lines, boolean paid) {
    }

    Doc document(long k) {
        int partnerIndex = (int) (k % partners);
        int slot = (int) (k % 20);
        Direction direction = slot == 17 || slot == 18 ? Direction.PAYABLE : Direction.RECEIVABLE;
        DocumentKind kind = slot == 19 ? DocumentKind.CREDIT_NOTE : DocumentKind.INVOICE;
        String prefix = direction == Direction.PAYABLE ? "GP" : kind == DocumentKind.CREDIT_NOTE ? "GC" : "GI";
        String number = String.format(Locale.ROOT, "%s-%010d", prefix, k);
        // a multiplicative spread: neighbouring documents get far-apart dates, every day gets its share
        LocalDate issued = today.minusDays(Math.floorMod(k * 7919L, SPAN_DAYS));
        String currency = currency(partnerIndex);
        boolean domestic = "EUR".equals(currency);
        List<LineDraft> lines = new ArrayList<>();
        int count = kind == DocumentKind.CREDIT_NOTE ? 1 : 1 + (int) (k % 3);
        for (int i = 0; i < count; i++) {
            String[] product = PRODUCTS[(int) ((k + i * 3) % PRODUCTS.length)];
            BigDecimal quantity = BigDecimal.valueOf(1 + (k + i) % 12);
            BigDecimal price = new BigDecimal(product[1]);
            if (kind == DocumentKind.CREDIT_NOTE) {
                quantity = BigDecimal.ONE;
                price = price.multiply(new BigDecimal("0.10")).setScale(2, java.math.RoundingMode.HALF_EVEN);
            }
            String category;
            BigDecimal rate = BigDecimal.ZERO;
            if (domestic) {
                category = "S";
                rate = new BigDecimal("19");
            } else {
                category = direction == Direction.PAYABLE ? "O" : "G";
            }
            lines.add(new LineDraft((kind == DocumentKind.CREDIT_NOTE ? "Credit: " : "") + product[0], quantity, price,
                    category, rate));
        }
        boolean paid = direction == Direction.RECEIVABLE && kind == DocumentKind.INVOICE
                && issued.isBefore(today.minusDays(45)) && Math.floorMod(k * 37L, 100) < paidPercent;
        return new Doc(k, partnerIndex, direction, kind, number, issued, currency, lines, paid);
    }

    static String endToEndId(long k) {
        return String.format(Locale.ROOT, "GE-%010d", k);
    }

    static String bankReference(long k) {
        return String.format(Locale.ROOT, "GB-%010d", k);
    }
}
