package org.partnerfinance.demo.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.partnerfinance.demo.internal.DemoPartners.Payer;
import org.partnerfinance.demo.internal.DemoPartners.Profile;
import org.partnerfinance.documents.api.Direction;
import org.partnerfinance.documents.api.DisputeSubject;
import org.partnerfinance.documents.api.DocumentKind;
import org.partnerfinance.documents.api.LineDraft;
import org.partnerfinance.documents.api.PaymentMethod;
import org.partnerfinance.documents.api.PaymentStatus;

/**
 * The demo's finance history: two years of invoices, credit notes, payments and disputes of every demo partner, as a
 * plan of steps. The plan is a pure function of the day it is made for and a fixed seed, so every demo installation
 * started on the same day holds the same history, and its dates move with the calendar (the aging always looks alive:
 * recent invoices are current, a delinquent partner's are 90+ days overdue).
 *
 * <p>Amounts that depend on what the documents service computed (what is open of an invoice when a payment arrives) are
 * planned as fractions of the open amount and resolved when the plan is carried out, so the plan never has to repeat
 * the service's tax and rounding rules.
 */
final class DemoHistory {

    /** The seed of every random choice: a fixed number, so the history is the same at every start. */
    static final long SEED = 20240917L;

    /** How many months of history, up to and including the current month. */
    static final int MONTHS = 24;

    /** Who reports payments the bank has not confirmed yet. */
    static final String ERP = "SAP";

    /** Payments dated within this many days before today are not on a bank statement yet: REPORTED only. */
    static final int BANK_LAG_DAYS = 3;

    /** What happens in the demo's history, in date order per partner. */
    sealed interface Step permits Issue, Pay, Confirm, OpenDispute, Decide {
        LocalDate date();
    }

    /**
     * An invoice or credit note.
     *
     * @param creditedNumber for a credit note: the invoice it corrects, or {@code null}
     */
    record Issue(LocalDate date, Direction direction, DocumentKind kind, String number, LocalDate dueDate,
            String currency, List<LineDraft> lines, String creditedNumber, String sourceReference) implements Step {
    }

    /**
     * Part of what is open of a document, settled by a payment.
     *
     * @param fraction of what is open when the payment is recorded (1 = all of it)
     */
    record Share(String number, BigDecimal fraction) {
    }

    /**
     * A payment.
     *
     * @param roundUp       whether the payer rounded the amount up to the next hundred (the rest stays on account)
     * @param bankReference for a payment recorded from the bank statement: its reference; {@code null} otherwise
     */
    record Pay(LocalDate date, Direction direction, String currency, PaymentMethod method, PaymentStatus status,
            List<Share> shares, boolean roundUp, String remittance, String endToEndId, String sourceSystem,
            String bankReference) implements Step {
    }

    /** The bank statement confirms an earlier REPORTED payment (named by its end-to-end id). */
    record Confirm(LocalDate date, Direction direction, String endToEndId, String bankReference) implements Step {
    }

    /**
     * A partner user disputes a receivable invoice.
     *
     * @param fraction of the invoice's open amount (INVOICE, DEDUCTION) or of the line's net amount (LINE)
     * @param user     the demo user who opens it
     */
    record OpenDispute(LocalDate date, String number, DisputeSubject subject, Integer lineNo, BigDecimal fraction,
            String reason, String user) implements Step {
    }

    /**
     * Finance decides a dispute of an invoice.
     *
     * @param acceptFraction for an acceptance: the part of the disputed amount accepted; {@code null} = a rejection
     */
    record Decide(LocalDate date, String number, BigDecimal acceptFraction, String comment, String user)
            implements Step {
    }

    /** What is sold to partners: description, unit price in the partner's currency (before a random discount). */
    private record Product(String description, String unitPrice, int maxQuantity) {
    }

    private static final List<Product> PRODUCTS = List.of(
            new Product("Business laptop 14\", i7, 32 GB RAM", "1189.00", 40),
            new Product("USB-C docking station", "189.00", 60),
            new Product("27\" QHD monitor", "279.00", 50),
            new Product("Rack server 1U, 2x Xeon Silver", "6450.00", 4),
            new Product("48-port PoE network switch", "1870.00", 8),
            new Product("Endpoint security licence, 12 months", "38.50", 400),
            new Product("Office suite subscription, 12 months", "126.00", 250),
            new Product("Extended warranty, 3 years on-site", "149.00", 60),
            new Product("Wireless access point Wi-Fi 6E", "329.00", 30),
            new Product("Installation and configuration (hours)", "95.00", 80),
            new Product("Backup appliance 24 TB", "4890.00", 3),
            new Product("Thin client", "412.00", 40));

    /** What partners invoice the company for. */
    private static final List<Product> SERVICES = List.of(
            new Product("Co-marketing event: regional partner day", "4800.00", 1),
            new Product("On-site installation services (days)", "860.00", 12),
            new Product("Logistics and warehousing, monthly fee", "2350.00", 3),
            new Product("Certified training delivery (days)", "1250.00", 6),
            new Product("Lead generation campaign", "3900.00", 1),
            new Product("Office supplies and consumables", "612.40", 4),
            new Product("Field service visits", "410.00", 15));

    private DemoHistory() {
    }

    /** The steps of every partner, in {@link DemoPartners#ALL} order, each partner's steps in date order. */
    static Map<String, List<Step>> plan(LocalDate today) {
        Map<String, List<Step>> steps = new LinkedHashMap<>();
        List<Issue> receivables = new ArrayList<>();
        Map<Issue, String> partnerOf = new java.util.IdentityHashMap<>();
        // first the receivable invoices of all partners, so that the company's own numbers follow the issue dates
        for (int p = 0; p < DemoPartners.ALL.size(); p++) {
            Profile partner = DemoPartners.ALL.get(p);
            steps.put(partner.id(), new ArrayList<>());
            Random random = new Random(SEED + 31L * p);
            for (Issue invoice : salesInvoices(partner, random, today)) {
                receivables.add(invoice);
                partnerOf.put(invoice, partner.id());
            }
        }
        receivables.sort(Comparator.comparing(Issue::date).thenComparing(partnerOf::get));
        Map<Integer, Integer> invoiceSeq = new LinkedHashMap<>();
        Map<Integer, Integer> creditSeq = new LinkedHashMap<>();
        List<Issue> numbered = new ArrayList<>();
        for (Issue draft : receivables) {
            int year = draft.date().getYear();
            int seq = invoiceSeq.merge(year, 1, Integer::sum);
            Issue invoice = new Issue(draft.date(), draft.direction(), draft.kind(),
                    String.format(Locale.ROOT, "INV-%d-%06d", year, 4000 + seq), draft.dueDate(), draft.currency(),
                    draft.lines(), null, String.format(Locale.ROOT, "SD%010d", 90_000_000L + numbered.size() * 7L));
            partnerOf.put(invoice, partnerOf.get(draft));
            numbered.add(invoice);
        }
        for (int p = 0; p < DemoPartners.ALL.size(); p++) {
            Profile partner = DemoPartners.ALL.get(p);
            Random random = new Random(SEED * 7 + 131L * p);
            List<Step> partnerSteps = steps.get(partner.id());
            List<Issue> invoices = numbered.stream().filter(i -> partnerOf.get(i).equals(partner.id())).toList();
            partnerSteps.addAll(invoices);
            Refs refs = new Refs(partner);
            Disputes disputes = disputes(partner, invoices, refs, today);
            partnerSteps.addAll(disputes.steps);
            int creditIndex = 0;
            for (Issue invoice : invoices) {
                if (disputes.held.containsKey(invoice.number())) {
                    partnerSteps.addAll(disputes.held.get(invoice.number()));
                    continue;
                }
                if (++creditIndex % 9 == 0) {
                    Issue credit = priceCorrection(partner, invoice, random, today, creditSeq);
                    if (credit != null) {
                        partnerSteps.add(credit);
                    }
                }
                partnerSteps.addAll(receivablePayments(partner, invoice, random, refs, today));
            }
            partnerSteps.addAll(purchases(partner, random, refs, today));
            // equal dates keep their planned order (a credit note after its invoice, a payment after both)
            partnerSteps.sort(Comparator.comparing(Step::date));
        }
        return steps;
    }

    // --- receivables ---------------------------------------------------------------------------------------------

    private static List<Issue> salesInvoices(Profile partner, Random random, LocalDate today) {
        List<Issue> invoices = new ArrayList<>();
        YearMonth first = YearMonth.from(today).minusMonths(MONTHS - 1L);
        for (int m = 0; m < MONTHS; m++) {
            YearMonth month = first.plusMonths(m);
            for (int i = 0; i < partner.sales(); i++) {
                LocalDate issued = month.atDay(1 + random.nextInt(month.lengthOfMonth()));
                int lineCount = 1 + random.nextInt(4);
                List<LineDraft> lines = new ArrayList<>();
                for (int l = 0; l < lineCount; l++) {
                    Product product = PRODUCTS.get(random.nextInt(PRODUCTS.size()));
                    lines.add(line(partner, product, random, false));
                }
                if (random.nextInt(6) == 0) {
                    lines.add(new LineDraft("Partner programme discount", BigDecimal.ONE,
                            lines.get(0).unitPrice().multiply(lines.get(0).quantity())
                                    .multiply(new BigDecimal("-0.05")).setScale(2, java.math.RoundingMode.HALF_EVEN),
                            lines.get(0).taxCategory(), lines.get(0).taxRate()));
                }
                if (!issued.isAfter(today)) {
                    invoices.add(new Issue(issued, Direction.RECEIVABLE, DocumentKind.INVOICE, null,
                            issued.plusDays(partner.termsDays()), partner.currency(), lines, null, null));
                }
            }
        }
        return invoices;
    }

    /**
     * A line in the partner's currency with the tax of the company's supply to it: German VAT at home,
     * intra-community supply (K) to the EU, export (G) elsewhere; for what the partner invoices the company: German VAT
     * from German partners, reverse charge (AE) from EU partners, outside the scope of German VAT (O) otherwise.
     */
    private static LineDraft line(Profile partner, Product product, Random random, boolean purchase) {
        BigDecimal quantity = BigDecimal.valueOf(1 + random.nextInt(product.maxQuantity()));
        BigDecimal factor = switch (partner.currency()) {
            case "USD" -> new BigDecimal("1.08");
            case "GBP" -> new BigDecimal("0.86");
            default -> BigDecimal.ONE;
        };
        BigDecimal discount = BigDecimal.ONE.subtract(BigDecimal.valueOf(random.nextInt(12), 2));
        BigDecimal price = new BigDecimal(product.unitPrice()).multiply(factor).multiply(discount)
                .setScale(2, java.math.RoundingMode.HALF_EVEN);
        String category;
        BigDecimal rate = BigDecimal.ZERO;
        if (partner.domestic()) {
            category = "S";
            rate = new BigDecimal("19");
        } else if (partner.eu()) {
            category = purchase ? "AE" : "K";
        } else {
            category = purchase ? "O" : "G";
        }
        return new LineDraft(product.description(), quantity, price, category, rate);
    }

    /** A credit note a few days after an invoice: part of its first line's price is given back. */
    private static Issue priceCorrection(Profile partner, Issue invoice, Random random, LocalDate today,
            Map<Integer, Integer> creditSeq) {
        LocalDate date = invoice.date().plusDays(3 + random.nextInt(12));
        if (date.isAfter(today)) {
            return null;
        }
        LineDraft first = invoice.lines().get(0);
        BigDecimal percent = BigDecimal.valueOf(5 + random.nextInt(11));
        BigDecimal amount = first.unitPrice().multiply(first.quantity()).multiply(percent)
                .divide(BigDecimal.valueOf(100), 2, java.math.RoundingMode.HALF_EVEN);
        if (amount.signum() <= 0) {
            return null;
        }
        int seq = creditSeq.merge(date.getYear(), 1, Integer::sum);
        // numbered per year in the order the plan meets them (partner by partner), unique all the same
        String number = String.format(Locale.ROOT, "CN-%d-%s-%03d", date.getYear(), partner.id().substring(2), seq);
        return new Issue(date, Direction.RECEIVABLE, DocumentKind.CREDIT_NOTE, number, date, invoice.currency(),
                List.of(new LineDraft("Price correction " + percent + " %: " + first.description(), BigDecimal.ONE,
                        amount, first.taxCategory(), first.taxRate())),
                invoice.number(), null);
    }

    private static List<Step> receivablePayments(Profile partner, Issue invoice, Random random, Refs refs,
            LocalDate today) {
        LocalDate due = invoice.dueDate();
        List<Step> steps = new ArrayList<>();
        switch (partner.payer()) {
            case PUNCTUAL -> steps.addAll(receipt(invoice, due.plusDays(random.nextInt(10) - 7), BigDecimal.ONE,
                    random.nextInt(15) == 0, PaymentMethod.BANK_TRANSFER, random, refs, today));
            case LATE -> steps.addAll(receipt(invoice, due.plusDays(10 + random.nextInt(51)), BigDecimal.ONE, false,
                    PaymentMethod.BANK_TRANSFER, random, refs, today));
            case PARTIAL -> {
                BigDecimal part = BigDecimal.valueOf(60 + random.nextInt(21), 2);
                LocalDate firstDate = due.plusDays(random.nextInt(6));
                steps.addAll(receipt(invoice, firstDate, part, false, PaymentMethod.BANK_TRANSFER, random, refs, today));
                steps.addAll(receipt(invoice, firstDate.plusDays(20 + random.nextInt(26)), BigDecimal.ONE, false,
                        PaymentMethod.BANK_TRANSFER, random, refs, today));
            }
            case DELINQUENT -> {
                if (due.isBefore(today.minusDays(150))) {
                    steps.addAll(receipt(invoice, due.plusDays(20 + random.nextInt(71)), BigDecimal.ONE, false,
                            PaymentMethod.BANK_TRANSFER, random, refs, today));
                } else if (random.nextInt(10) < 3) {
                    steps.addAll(receipt(invoice, due.plusDays(30), new BigDecimal("0.50"), false,
                            PaymentMethod.BANK_TRANSFER, random, refs, today));
                }
            }
            case DIRECT_DEBIT -> steps.addAll(receipt(invoice, due, BigDecimal.ONE, false, PaymentMethod.DIRECT_DEBIT,
                    random, refs, today));
        }
        return steps;
    }

    /**
     * A payment of (part of) one invoice by the partner on {@code date}: bank-confirmed when it is older than the bank
     * lag (one in four first reported by the ERP and confirmed by the statement a day or three later), reported by the
     * ERP only when more recent, scheduled when a direct debit lies ahead (up to 45 days), nothing when a transfer lies
     * ahead.
     */
    private static List<Step> receipt(Issue invoice, LocalDate date, BigDecimal fraction, boolean roundUp,
            PaymentMethod method, Random random, Refs refs, LocalDate today) {
        return payment(Direction.RECEIVABLE, invoice, date, fraction, roundUp, method, random, refs, today,
                method == PaymentMethod.DIRECT_DEBIT ? 45 : -1);
    }

    private static List<Step> payment(Direction direction, Issue invoice, LocalDate date, BigDecimal fraction,
            boolean roundUp, PaymentMethod method, Random random, Refs refs, LocalDate today, int scheduleDays) {
        List<Share> shares = List.of(new Share(invoice.number(), fraction));
        int n = refs.next();
        String e2e = refs.endToEnd(direction, n);
        if (date.isAfter(today)) {
            if (scheduleDays >= 0 && !date.isAfter(today.plusDays(scheduleDays))) {
                return List.of(new Pay(date, direction, invoice.currency(), method, PaymentStatus.SCHEDULED, shares,
                        false, invoice.number(), e2e, ERP, null));
            }
            return List.of();
        }
        if (date.isAfter(today.minusDays(BANK_LAG_DAYS))) {
            return List.of(new Pay(date, direction, invoice.currency(), method, PaymentStatus.REPORTED, shares,
                    roundUp, invoice.number(), e2e, ERP, null));
        }
        if (random.nextInt(4) == 0) {
            LocalDate booked = date.plusDays(1 + random.nextInt(3));
            if (!booked.isAfter(today.minusDays(1))) {
                return List.of(new Pay(date, direction, invoice.currency(), method, PaymentStatus.REPORTED, shares,
                        roundUp, invoice.number(), e2e, ERP, null),
                        new Confirm(booked, direction, e2e, refs.bank(booked, n)));
            }
        }
        return List.of(new Pay(date, direction, invoice.currency(), method, PaymentStatus.CONFIRMED, shares, roundUp,
                invoice.number(), e2e, "bank", refs.bank(date, n)));
    }

    // --- payables --------------------------------------------------------------------------------------------------

    /**
     * What the partner invoices the company each quarter, paid by the company's payment run on the due date: confirmed
     * by the bank once older than the bank lag, reported by the ERP before, scheduled up to 30 days ahead. Every sixth
     * invoice of a vendor is followed by its volume rebate credit note.
     */
    private static List<Step> purchases(Profile partner, Random random, Refs refs, LocalDate today) {
        List<Step> steps = new ArrayList<>();
        if (partner.purchase() == 0) {
            return steps;
        }
        String prefix = partner.name().replaceAll("[^A-Z]", "");
        prefix = prefix.substring(0, Math.min(3, prefix.length()));
        YearMonth firstMonth = YearMonth.from(today).minusMonths(MONTHS - 1L);
        int seq = 0;
        for (int q = 0; q < MONTHS / 3; q++) {
            for (int i = 0; i < partner.purchase(); i++) {
                LocalDate issued = firstMonth.plusMonths(q * 3L).atDay(1).plusDays(random.nextInt(90));
                if (issued.isAfter(today)) {
                    continue;
                }
                seq++;
                String number = String.format(Locale.ROOT, "%s-%d/%04d", prefix, issued.getYear() % 100, 100 + seq);
                List<LineDraft> lines = new ArrayList<>();
                int lineCount = 1 + random.nextInt(2);
                for (int l = 0; l < lineCount; l++) {
                    lines.add(line(partner, SERVICES.get(random.nextInt(SERVICES.size())), random, true));
                }
                Issue invoice = new Issue(issued, Direction.PAYABLE, DocumentKind.INVOICE, number,
                        issued.plusDays(partner.termsDays()), partner.currency(), lines, null, number);
                steps.add(invoice);
                if (partner.kind() == org.partnerfinance.partner.api.PartnerKind.VENDOR && seq % 6 == 0) {
                    LocalDate date = issued.plusDays(5);
                    if (!date.isAfter(today)) {
                        LineDraft first = lines.get(0);
                        BigDecimal rebate = first.unitPrice().multiply(first.quantity())
                                .multiply(new BigDecimal("0.03")).setScale(2, java.math.RoundingMode.HALF_EVEN);
                        steps.add(new Issue(date, Direction.PAYABLE, DocumentKind.CREDIT_NOTE, number + "-CR", date,
                                partner.currency(), List.of(new LineDraft("Volume rebate 3 %", BigDecimal.ONE, rebate,
                                        first.taxCategory(), first.taxRate())),
                                number, number + "-CR"));
                    }
                }
                steps.addAll(payment(Direction.PAYABLE, invoice, invoice.dueDate(), BigDecimal.ONE, false,
                        PaymentMethod.BANK_TRANSFER, random, refs, today, 30));
            }
        }
        return steps;
    }

    // --- disputes --------------------------------------------------------------------------------------------------

    private record Disputes(List<Step> steps, Map<String, List<Step>> held) {
    }

    /**
     * The disputes of the two partners with demo users: open ones on recent invoices, an accepted line, a partly
     * accepted deduction, a rejected one. A disputed invoice is paid (what is left of it) ten days after the decision;
     * an invoice with an open dispute is not paid.
     */
    private static Disputes disputes(Profile partner, List<Issue> invoices, Refs refs, LocalDate today) {
        List<Step> steps = new ArrayList<>();
        Map<String, List<Step>> held = new LinkedHashMap<>();
        String user = switch (partner.id()) {
            case "P-1001" -> "partner";
            case "P-1002" -> "partner2";
            default -> null;
        };
        if (user == null) {
            return new Disputes(steps, held);
        }
        if (partner.id().equals("P-1001")) {
            dispute(invoices, today, 15, 45, held, steps, refs, DisputeSubject.INVOICE, null, "0.10",
                    "The unit prices are 10 % above the quote we accepted (quote Q-2291). Please correct the invoice.",
                    user, null, null);
            dispute(invoices, today, 60, 90, held, steps, refs, DisputeSubject.LINE, 1, "1.00",
                    "Delivered damaged: the goods on this line arrived with broken packaging and cannot be sold.",
                    user, "1.00", "Carrier damage confirmed; credited in full.");
            dispute(invoices, today, 210, 270, held, steps, refs, DisputeSubject.DEDUCTION, null, "0.08",
                    "We deducted the agreed marketing contribution for the spring campaign from this invoice.",
                    user, "0.50", "Half of the contribution was agreed for this quarter; the rest follows next "
                            + "quarter.");
        } else {
            dispute(invoices, today, 40, 75, held, steps, refs, DisputeSubject.INVOICE, null, "0.25",
                    "Quantity billed exceeds the quantity delivered according to our goods receipt.", user, null,
                    "Delivery note DN-55812 signed by your warehouse shows the full quantity was delivered.");
            dispute(invoices, today, 5, 30, held, steps, refs, DisputeSubject.LINE, 1, "0.50",
                    "Half of the licences on this line were never activated.", user, null, null);
        }
        return new Disputes(steps, held);
    }

    /**
     * Plans one dispute on the newest invoice issued between {@code minAge} and {@code maxAge} days ago that is not
     * disputed yet. {@code accept} null and {@code comment} null: left open; {@code accept} null with a comment:
     * rejected.
     */
    private static void dispute(List<Issue> invoices, LocalDate today, int minAge, int maxAge,
            Map<String, List<Step>> held, List<Step> steps, Refs refs, DisputeSubject subject, Integer lineNo, String fraction,
            String reason, String user, String accept, String comment) {
        Issue invoice = null;
        for (Issue candidate : invoices) {
            long age = java.time.temporal.ChronoUnit.DAYS.between(candidate.date(), today);
            if (age >= minAge && age <= maxAge && !held.containsKey(candidate.number())
                    && candidate.lines().get(0).unitPrice().signum() > 0) {
                invoice = candidate;
            }
        }
        if (invoice == null) {
            return;
        }
        LocalDate opened = invoice.date().plusDays(Math.min(7, minAge / 2 + 1));
        List<Step> after = new ArrayList<>();
        held.put(invoice.number(), after);
        steps.add(new OpenDispute(opened, invoice.number(), subject, lineNo, new BigDecimal(fraction), reason, user));
        if (comment == null) {
            return;
        }
        LocalDate decided = opened.plusDays(Math.min(8, Math.max(1, minAge / 3)));
        steps.add(new Decide(decided, invoice.number(), accept == null ? null : new BigDecimal(accept), comment,
                "manager"));
        LocalDate paid = decided.plusDays(10);
        if (!paid.isAfter(today.minusDays(BANK_LAG_DAYS))) {
            int n = refs.next();
            after.add(new Pay(paid, Direction.RECEIVABLE, invoice.currency(), PaymentMethod.BANK_TRANSFER,
                    PaymentStatus.CONFIRMED, List.of(new Share(invoice.number(), BigDecimal.ONE)), false,
                    invoice.number(), refs.endToEnd(Direction.RECEIVABLE, n), "bank", refs.bank(paid, n)));
        }
    }

    // --- references --------------------------------------------------------------------------------------------

    /** Numbers a partner's payments in the order the plan makes them: end-to-end ids and bank references. */
    private static final class Refs {
        private final String code;
        private int seq;

        Refs(Profile partner) {
            this.code = partner.id().substring(2);
        }

        int next() {
            return ++seq;
        }

        String endToEnd(Direction direction, int n) {
            return String.format(Locale.ROOT, "E2E-%s-%s-%05d", code, direction == Direction.RECEIVABLE ? "R" : "P", n);
        }

        String bank(LocalDate booked, int n) {
            return String.format(Locale.ROOT, "BK%s%s%05d", booked.toString().replace("-", ""), code, n);
        }
    }
}
