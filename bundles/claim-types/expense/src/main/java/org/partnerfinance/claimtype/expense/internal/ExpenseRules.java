package org.partnerfinance.claimtype.expense.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.partnerfinance.claims.api.AccountingRule;
import org.partnerfinance.claims.api.AttachmentPolicy;
import org.partnerfinance.claims.api.Choice;
import org.partnerfinance.claims.api.ClaimDraft;
import org.partnerfinance.claims.api.FieldDef;
import org.partnerfinance.claims.api.LineItem;
import org.partnerfinance.claims.api.Problem;
import org.partnerfinance.ledger.api.Accounts;
import org.partnerfinance.ledger.api.Money;

/**
 * The rules of an expense reimbursement claim, free of OSGi and UI: its declared fields (the claims core checks
 * required values, formats and the receipts against them) and what only expenses know: the date window, which
 * categories need receipts, mileage (km × rate) and per-diem (days × rate) lines whose total is the eligible amount,
 * and caps per category. Built once from the configuration.
 */
public final class ExpenseRules {

    public static final String TYPE_ID = "expense";
    public static final String NAME = "Expense reimbursement";

    public static final String CATEGORY = "category";
    public static final String MERCHANT = "merchant";
    public static final String RECEIPTS = "receipts";
    public static final String MILEAGE = "mileage";
    public static final String PER_DIEM = "perDiem";
    static final String MILEAGE_CATEGORY = "mileage";
    static final String PER_DIEM_CATEGORY = "per-diem";

    public static final long DEFAULT_MAX_RECEIPT_BYTES = 5L * 1024 * 1024;
    public static final int DEFAULT_MAX_RECEIPTS = 5;
    public static final int DEFAULT_MAX_AGE_DAYS = 365;
    static final BigDecimal MAX_DAYS_PER_LINE = new BigDecimal("31");

    /** Accepted receipt types (sniffed from the content by the claims core). */
    public static final Set<String> RECEIPT_TYPES = Set.of("application/pdf", "image/png", "image/jpeg");

    /** Categories in display order; the last two are paid from lines and rates instead of receipts. */
    static final List<Choice> CATEGORIES = List.of(new Choice("travel", "Travel"),
            new Choice("accommodation", "Accommodation"), new Choice("meals", "Meals"), new Choice("events", "Events"),
            new Choice("marketing-materials", "Marketing materials"), new Choice("other", "Other"),
            new Choice(MILEAGE_CATEGORY, "Mileage"), new Choice(PER_DIEM_CATEGORY, "Per diem"));

    private static final AccountingRule ACCOUNTING = new AccountingRule(Accounts.PARTNER_EXPENSES,
            Accounts.ACCRUED_PARTNER_CLAIMS, Accounts.BANK);

    private final int maxAgeDays;
    private final Map<String, Map<Currency, BigDecimal>> caps;
    private final Map<Currency, BigDecimal> mileageRates;
    private final Map<Currency, BigDecimal> perDiemRates;
    private final List<FieldDef> fields;

    /** @throws IllegalArgumentException naming the setting that is wrong */
    public ExpenseRules(long maxReceiptBytes, int maxReceipts, int maxAgeDays, String[] categoryCaps,
            String[] mileageRates, String[] perDiemRates) {
        if (maxReceiptBytes <= 0) {
            throw new IllegalArgumentException("max.receipt.bytes must be positive, was " + maxReceiptBytes);
        }
        if (maxReceipts < 1 || maxReceipts > AttachmentPolicy.DEFAULT_MAX_FILES) {
            throw new IllegalArgumentException("max.receipts must be 1 to 10, was " + maxReceipts);
        }
        if (maxAgeDays <= 0) {
            throw new IllegalArgumentException("max.age.days must be positive, was " + maxAgeDays);
        }
        this.maxAgeDays = maxAgeDays;
        this.caps = new HashMap<>();
        for (String cap : entries(categoryCaps)) {
            String[] parts = cap.strip().split("\\s+", 2);
            if (parts.length != 2 || CATEGORIES.stream().noneMatch(c -> c.key().equals(parts[0]))) {
                throw new IllegalArgumentException("category.caps: '" + cap + "' is not 'category CURRENCY amount'");
            }
            caps.computeIfAbsent(parts[0], k -> new HashMap<>()).putAll(rates("category.caps", parts[1]));
        }
        this.mileageRates = rates("mileage.rates", mileageRates);
        this.perDiemRates = rates("per.diem.rates", perDiemRates);
        AttachmentPolicy receipts = new AttachmentPolicy(false, maxReceiptBytes, RECEIPT_TYPES, maxReceipts);
        this.fields = List.of(
                FieldDef.choice(CATEGORY, "Category", true, CATEGORIES),
                FieldDef.text(MERCHANT, "Merchant", false).withHelp("Optional: where the money was spent."),
                FieldDef.attachments(RECEIPTS, "Receipts", receipts)
                        .withHelp("Needed for every category except mileage and per diem."),
                FieldDef.lineItems(MILEAGE, "Mileage", false, List.of(FieldDef.date("date", "Date", true),
                        FieldDef.number("km", "Km", true), FieldDef.text("route", "Route", false)))
                        .withHelp("For the category Mileage: kilometres driven, paid at " + describe(this.mileageRates)
                                + " per km."),
                FieldDef.lineItems(PER_DIEM, "Per diem", false, List.of(FieldDef.date("date", "First day", true),
                        FieldDef.number("days", "Days", true), FieldDef.text("place", "Place", false)))
                        .withHelp("For the category Per diem: days away, paid at " + describe(this.perDiemRates)
                                + " per day."));
    }

    public static ExpenseRules defaults() {
        return new ExpenseRules(DEFAULT_MAX_RECEIPT_BYTES, DEFAULT_MAX_RECEIPTS, DEFAULT_MAX_AGE_DAYS,
                new String[] { "meals EUR 100", "accommodation EUR 250", "meals USD 110", "accommodation USD 275" },
                new String[] { "EUR 0.30", "USD 0.33" }, new String[] { "EUR 28.00", "USD 31.00" });
    }

    public List<FieldDef> fields() {
        return fields;
    }

    public AccountingRule accountingRule() {
        return ACCOUNTING;
    }

    /** What only expenses check, once the core found the draft complete and well formed. */
    public List<Problem> validate(ClaimDraft draft, Clock clock) {
        List<Problem> problems = new ArrayList<>();
        LocalDate today = LocalDate.now(clock);
        LocalDate earliest = today.minusDays(maxAgeDays);
        checkDate(draft.date(), "date", "The expense date", today, earliest, problems);
        String category = draft.fields().get(CATEGORY);
        Currency currency = draft.amount().currency();
        boolean mileage = MILEAGE_CATEGORY.equals(category);
        boolean perDiem = PER_DIEM_CATEGORY.equals(category);
        if (!mileage && !perDiem && draft.attachments().isEmpty()) {
            problems.add(new Problem("attachments", "Attach at least one receipt for "
                    + label(category).toLowerCase(java.util.Locale.ROOT) + " expenses."));
        }
        checkLines(draft, MILEAGE, "km", mileage, "Mileage", mileageRates, currency, today, earliest, problems);
        checkLines(draft, PER_DIEM, "days", perDiem, "Per diem", perDiemRates, currency, today, earliest, problems);
        return problems;
    }

    private void checkLines(ClaimDraft draft, String field, String quantity, boolean expected, String label,
            Map<Currency, BigDecimal> rates, Currency currency, LocalDate today, LocalDate earliest,
            List<Problem> problems) {
        List<LineItem> lines = draft.lines(field);
        if (!expected) {
            if (!lines.isEmpty()) {
                problems.add(new Problem(field, label + " lines belong to a claim of the category " + label
                        + "; remove them or change the category."));
            }
            return;
        }
        if (lines.isEmpty()) {
            problems.add(new Problem(field, "Add at least one " + label.toLowerCase(java.util.Locale.ROOT) + " line."));
        }
        if (!rates.containsKey(currency)) {
            problems.add(new Problem("currency", label + " cannot be claimed in " + currency.getCurrencyCode()
                    + "; it is paid in " + String.join(", ", rates.keySet().stream().map(Currency::getCurrencyCode)
                            .sorted().toList()) + "."));
        }
        int row = 0;
        for (LineItem line : lines) {
            row++;
            BigDecimal value = new BigDecimal(line.value(quantity));
            String name = FieldDef.lineFieldName(field, row, quantity);
            if (value.signum() <= 0) {
                problems.add(new Problem(name, label + " " + row + ": enter more than zero."));
            } else if (quantity.equals("days") && value.compareTo(MAX_DAYS_PER_LINE) > 0) {
                problems.add(new Problem(name, label + " " + row + ": at most 31 days per line."));
            }
            checkDate(LocalDate.parse(line.value("date")), FieldDef.lineFieldName(field, row, "date"),
                    label + " " + row + ": the date", today, earliest, problems);
        }
    }

    private void checkDate(LocalDate date, String field, String what, LocalDate today, LocalDate earliest,
            List<Problem> problems) {
        if (date.isAfter(today)) {
            problems.add(new Problem(field, what + " cannot be in the future."));
        } else if (date.isBefore(earliest)) {
            problems.add(new Problem(field, what + " is more than " + maxAgeDays + " days ago (earliest " + earliest
                    + ")."));
        }
    }

    /**
     * Mileage and per diems pay their lines' total (km × rate, days × rate, rounded half-up to the currency); other
     * categories pay the claimed amount up to the category's cap; never more than claimed.
     */
    public Money eligibleAmount(ClaimDraft draft) {
        Money claimed = draft.amount();
        Currency currency = claimed.currency();
        String category = draft.fields().get(CATEGORY);
        BigDecimal limit = switch (category == null ? "" : category) {
            case MILEAGE_CATEGORY -> total(draft.lines(MILEAGE), "km", mileageRates.get(currency));
            case PER_DIEM_CATEGORY -> total(draft.lines(PER_DIEM), "days", perDiemRates.get(currency));
            default -> caps.getOrDefault(category, Map.of()).get(currency);
        };
        if (limit == null) {
            return claimed;
        }
        Money rounded = Money.rounded(limit, currency, RoundingMode.HALF_UP);
        return rounded.compareTo(claimed) < 0 ? rounded : claimed;
    }

    private static BigDecimal total(List<LineItem> lines, String quantity, BigDecimal rate) {
        if (rate == null) {
            return BigDecimal.ZERO;
        }
        return lines.stream().map(l -> new BigDecimal(l.value(quantity)).multiply(rate))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    static String label(String category) {
        return CATEGORIES.stream().filter(c -> c.key().equals(category)).map(Choice::label).findFirst()
                .orElse(String.valueOf(category));
    }

    /** Parses 'CURRENCY amount' entries into positive amounts by currency. */
    private static Map<Currency, BigDecimal> rates(String setting, String... entries) {
        Map<Currency, BigDecimal> rates = new HashMap<>();
        for (String entry : entries(entries)) {
            String[] parts = entry.strip().split("\\s+");
            try {
                BigDecimal amount = new BigDecimal(parts[1]);
                if (parts.length != 2 || amount.signum() <= 0 || amount.precision() - amount.scale() > 9) {
                    throw new IllegalArgumentException(entry);
                }
                rates.put(Money.currency(parts[0]), amount);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(setting + ": '" + entry + "' is not 'CURRENCY amount' with a "
                        + "positive amount", e);
            }
        }
        return Map.copyOf(rates);
    }

    /** Entries of a list setting; one string may hold several, separated by commas (as a .cfg file gives them). */
    private static List<String> entries(String... values) {
        List<String> entries = new ArrayList<>();
        for (String value : values) {
            for (String entry : value.split(",")) {
                if (!entry.isBlank()) {
                    entries.add(entry.strip());
                }
            }
        }
        return entries;
    }

    private static String describe(Map<Currency, BigDecimal> rates) {
        return rates.isEmpty() ? "no configured rate" : String.join(" / ", rates.entrySet().stream()
                .map(e -> e.getKey().getCurrencyCode() + " " + e.getValue().toPlainString()).sorted().toList());
    }
}
