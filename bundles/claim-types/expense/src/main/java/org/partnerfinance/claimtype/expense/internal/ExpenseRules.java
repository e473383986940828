package org.partnerfinance.claimtype.expense.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.partnerfinance.claims.api.AccountingRule;
import org.partnerfinance.claims.api.AttachmentPolicy;
import org.partnerfinance.claims.api.ClaimDraft;
import org.partnerfinance.claims.api.FieldDef;
import org.partnerfinance.claims.api.FieldKind;
import org.partnerfinance.claims.api.Problem;
import org.partnerfinance.ledger.api.Accounts;
import org.partnerfinance.ledger.api.Money;

/**
 * The rules of an expense reimbursement claim, free of OSGi and UI: its fields, what receipts it accepts, its
 * validation, the eligible amount (the full claimed amount) and its accounting (partner expenses against accrued
 * partner claims, settled from the bank).
 */
public final class ExpenseRules {

    public static final String TYPE_ID = "expense";
    public static final String NAME = "Expense reimbursement";

    public static final String CATEGORY = "category";
    public static final String MERCHANT = "merchant";

    public static final long DEFAULT_MAX_RECEIPT_BYTES = 5L * 1024 * 1024;
    public static final int DEFAULT_MAX_AGE_DAYS = 365;
    static final int MAX_MERCHANT_LENGTH = 200;
    static final int MAX_DESCRIPTION_LENGTH = 1000;

    /** Accepted receipt types (sniffed from the content by the claims core). */
    public static final Set<String> RECEIPT_TYPES = Set.of("application/pdf", "image/png", "image/jpeg");

    /** Category keys (stored) with the labels shown to people, in display order. */
    private static final Map<String, String> CATEGORIES;
    static {
        Map<String, String> categories = new LinkedHashMap<>();
        categories.put("travel", "Travel");
        categories.put("accommodation", "Accommodation");
        categories.put("meals", "Meals");
        categories.put("events", "Events");
        categories.put("marketing-materials", "Marketing materials");
        categories.put("other", "Other");
        CATEGORIES = java.util.Collections.unmodifiableMap(categories);
    }

    private static final AccountingRule ACCOUNTING = new AccountingRule(Accounts.PARTNER_EXPENSES,
            Accounts.ACCRUED_PARTNER_CLAIMS, Accounts.BANK);

    private final long maxReceiptBytes;
    private final int maxAgeDays;
    private final List<FieldDef> fields;
    private final AttachmentPolicy policy;

    /**
     * @param maxReceiptBytes largest accepted receipt file, &gt; 0
     * @param maxAgeDays      how many days back an expense may be claimed, &gt; 0
     */
    public ExpenseRules(long maxReceiptBytes, int maxAgeDays) {
        if (maxReceiptBytes <= 0) {
            throw new IllegalArgumentException("max.receipt.bytes must be positive, was " + maxReceiptBytes);
        }
        if (maxAgeDays <= 0) {
            throw new IllegalArgumentException("max.age.days must be positive, was " + maxAgeDays);
        }
        this.maxReceiptBytes = maxReceiptBytes;
        this.maxAgeDays = maxAgeDays;
        this.fields = List.of(
                new FieldDef(CATEGORY, "Category", FieldKind.CHOICE, true, List.copyOf(CATEGORIES.keySet())),
                new FieldDef(MERCHANT, "Merchant", FieldKind.TEXT, false, List.of()));
        this.policy = new AttachmentPolicy(true, maxReceiptBytes, RECEIPT_TYPES);
    }

    public static ExpenseRules defaults() {
        return new ExpenseRules(DEFAULT_MAX_RECEIPT_BYTES, DEFAULT_MAX_AGE_DAYS);
    }

    /** Category keys in display order. */
    public static List<String> categories() {
        return List.copyOf(CATEGORIES.keySet());
    }

    /** Label of a category key, or the key itself when unknown. */
    public static String categoryLabel(String key) {
        return CATEGORIES.getOrDefault(key, key);
    }

    public long maxReceiptBytes() {
        return maxReceiptBytes;
    }

    public int maxAgeDays() {
        return maxAgeDays;
    }

    public List<FieldDef> fields() {
        return fields;
    }

    public AttachmentPolicy attachmentPolicy() {
        return policy;
    }

    public AccountingRule accountingRule() {
        return ACCOUNTING;
    }

    /** Problems of a draft, each tied to its field; empty when the draft is a valid expense claim. */
    public List<Problem> validate(ClaimDraft draft, Clock clock) {
        List<Problem> problems = new ArrayList<>();
        LocalDate today = LocalDate.now(clock);
        LocalDate date = draft.date();
        if (date == null) {
            problems.add(new Problem("date", "Enter the date of the expense."));
        } else if (date.isAfter(today)) {
            problems.add(new Problem("date", "The expense date cannot be in the future."));
        } else if (date.isBefore(today.minusDays(maxAgeDays))) {
            problems.add(new Problem("date",
                    "Expenses older than " + maxAgeDays + " days cannot be claimed (earliest " + today.minusDays(maxAgeDays) + ")."));
        }
        String description = draft.description();
        if (description == null || description.isBlank()) {
            problems.add(new Problem("description", "Describe the expense."));
        } else if (description.length() > MAX_DESCRIPTION_LENGTH) {
            problems.add(new Problem("description",
                    "The description is too long (at most " + MAX_DESCRIPTION_LENGTH + " characters)."));
        }
        String category = draft.fields().get(CATEGORY);
        if (category == null || category.isBlank()) {
            problems.add(new Problem(CATEGORY, "Choose a category."));
        } else if (!CATEGORIES.containsKey(category)) {
            problems.add(new Problem(CATEGORY, "Unknown category \"" + category + "\". Choose one of: "
                    + String.join(", ", CATEGORIES.values()) + "."));
        }
        String merchant = draft.fields().get(MERCHANT);
        if (merchant != null && merchant.length() > MAX_MERCHANT_LENGTH) {
            problems.add(new Problem(MERCHANT,
                    "The merchant name is too long (at most " + MAX_MERCHANT_LENGTH + " characters)."));
        }
        return problems;
    }

    /** Expenses are reimbursed in full: the eligible amount is the claimed amount. */
    public Money eligibleAmount(ClaimDraft draft) {
        if (draft.amount() == null) {
            throw new IllegalArgumentException("Enter the amount of the expense.");
        }
        return draft.amount();
    }
}
