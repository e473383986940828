package org.partnerfinance.claimtype.expense.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.Test;
import org.partnerfinance.claims.api.AttachmentUpload;
import org.partnerfinance.claims.api.ClaimDraft;
import org.partnerfinance.claims.api.FieldDef;
import org.partnerfinance.claims.api.FieldKind;
import org.partnerfinance.claims.api.LineItem;
import org.partnerfinance.claims.api.Problem;
import org.partnerfinance.ledger.api.Accounts;
import org.partnerfinance.ledger.api.Money;

public class ExpenseRulesTest {

    /** 2025-06-15, noon UTC. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-15T12:00:00Z"), ZoneOffset.UTC);
    private static final LocalDate TODAY = LocalDate.of(2025, 6, 15);
    private static final List<AttachmentUpload> RECEIPT =
            List.of(new AttachmentUpload("receipt.pdf", new byte[] { '%', 'P', 'D', 'F' }));

    private final ExpenseRules rules = ExpenseRules.defaults();

    private static ClaimDraft draft(LocalDate date, String category, String amount, String currency,
            List<AttachmentUpload> files, LineItem... lines) {
        Map<String, String> fields = new HashMap<>();
        fields.put(ExpenseRules.CATEGORY, category);
        return new ClaimDraft("expense", "P-1001", date, "Trip to the partner summit", Money.of(amount, currency),
                fields, files, List.of(lines));
    }

    private static LineItem mileage(LocalDate date, String km) {
        return new LineItem(ExpenseRules.MILEAGE, Map.of("date", date.toString(), "km", km));
    }

    private static LineItem perDiem(LocalDate date, String days) {
        return new LineItem(ExpenseRules.PER_DIEM, Map.of("date", date.toString(), "days", days));
    }

    private static Map<String, String> byField(List<Problem> problems) {
        return problems.stream().collect(Collectors.toMap(p -> String.valueOf(p.field()), Problem::message));
    }

    @Test
    public void theDeclarationsAreRichEnoughForTheForm() {
        List<FieldDef> fields = rules.fields();
        assertEquals(List.of(FieldKind.CHOICE, FieldKind.TEXT, FieldKind.ATTACHMENTS, FieldKind.LINE_ITEMS,
                FieldKind.LINE_ITEMS), fields.stream().map(FieldDef::kind).toList());
        assertEquals("Marketing materials", fields.get(0).choiceLabel("marketing-materials"));
        assertEquals(5, fields.get(2).attachmentPolicy().maxFiles());
        assertEquals(List.of("date", "km", "route"), fields.get(3).items().stream().map(FieldDef::name).toList());
        assertTrue(fields.get(3).help(), fields.get(3).help().contains("EUR 0.30"));
    }

    @Test
    public void aReceiptExpenseWithinItsWindowHasNoProblems() {
        assertEquals(List.of(), rules.validate(draft(TODAY, "travel", "42.50", "EUR", RECEIPT), CLOCK));
        assertEquals(List.of(), rules.validate(draft(TODAY.minusDays(365), "other", "1.00", "EUR", RECEIPT), CLOCK));
    }

    @Test
    public void theDateWindowIsTheTypes() {
        assertEquals("The expense date cannot be in the future.",
                byField(rules.validate(draft(TODAY.plusDays(1), "travel", "1", "EUR", RECEIPT), CLOCK)).get("date"));
        assertTrue(byField(rules.validate(draft(TODAY.minusDays(366), "travel", "1", "EUR", RECEIPT), CLOCK))
                .get("date").contains("more than 365 days ago (earliest 2024-06-15)"));
    }

    @Test
    public void receiptCategoriesNeedAReceiptLineCategoriesDoNot() {
        assertEquals("Attach at least one receipt for meals expenses.",
                byField(rules.validate(draft(TODAY, "meals", "20", "EUR", List.of()), CLOCK)).get("attachments"));
        assertEquals(List.of(), rules.validate(draft(TODAY, "mileage", "12.60", "EUR", List.of(),
                mileage(TODAY, "42")), CLOCK));
    }

    @Test
    public void linesBelongToTheirCategory() {
        Map<String, String> problems = byField(rules.validate(draft(TODAY, "travel", "20", "EUR", RECEIPT,
                mileage(TODAY, "10")), CLOCK));
        assertTrue(problems.get("mileage"), problems.get("mileage").contains("belong to a claim of the category"));
        assertEquals("Add at least one per diem line.",
                byField(rules.validate(draft(TODAY, "per-diem", "20", "EUR", List.of()), CLOCK)).get("perDiem"));
    }

    @Test
    public void lineValuesAreCheckedPerRow() {
        Map<String, String> problems = byField(rules.validate(draft(TODAY, "per-diem", "100", "EUR", List.of(),
                perDiem(TODAY.minusDays(3), "2"), perDiem(TODAY.plusDays(2), "0"), perDiem(TODAY, "32")), CLOCK));
        assertEquals(Map.of(
                "perDiem.2.days", "Per diem 2: enter more than zero.",
                "perDiem.2.date", "Per diem 2: the date cannot be in the future.",
                "perDiem.3.days", "Per diem 3: at most 31 days per line."), problems);
    }

    @Test
    public void mileageNeedsARateInTheClaimsCurrency() {
        assertEquals("Mileage cannot be claimed in GBP; it is paid in EUR, USD.",
                byField(rules.validate(draft(TODAY, "mileage", "10", "GBP", List.of(), mileage(TODAY, "3")), CLOCK))
                        .get("currency"));
    }

    @Test
    public void mileageAndPerDiemPayTheirLinesTotalAtMostTheClaimedAmount() {
        // 42 km + 13.5 km at EUR 0.30 = 16.65
        assertEquals(Money.of("16.65", "EUR"), rules.eligibleAmount(draft(TODAY, "mileage", "20.00", "EUR",
                List.of(), mileage(TODAY, "42"), mileage(TODAY, "13.5"))));
        assertEquals(Money.of("10.00", "EUR"), rules.eligibleAmount(draft(TODAY, "mileage", "10.00", "EUR",
                List.of(), mileage(TODAY, "42"))));
        // 2.5 days at USD 31.00
        assertEquals(Money.of("77.50", "USD"), rules.eligibleAmount(draft(TODAY, "per-diem", "80", "USD",
                List.of(), perDiem(TODAY, "2.5"))));
    }

    @Test
    public void categoriesAreCappedInTheClaimsCurrency() {
        assertEquals(Money.of("100.00", "EUR"), rules.eligibleAmount(draft(TODAY, "meals", "180", "EUR", RECEIPT)));
        assertEquals(Money.of("80", "EUR"), rules.eligibleAmount(draft(TODAY, "meals", "80", "EUR", RECEIPT)));
        assertEquals("no cap in GBP", Money.of("180", "GBP"),
                rules.eligibleAmount(draft(TODAY, "meals", "180", "GBP", RECEIPT)));
        assertEquals("travel has no cap", Money.of("900", "EUR"),
                rules.eligibleAmount(draft(TODAY, "travel", "900", "EUR", RECEIPT)));
    }

    @Test
    public void settingsAreParsedOnceAndNamedWhenWrong() {
        // a .cfg file gives a list as one comma-separated string
        ExpenseRules custom = new ExpenseRules(1024, 2, 30, new String[] { "travel EUR 50, meals EUR 10" },
                new String[] { "CHF 0.70" }, new String[0]);
        assertEquals(Money.of("50.00", "EUR"), custom.eligibleAmount(draft(TODAY, "travel", "70", "EUR", RECEIPT)));
        assertEquals(Money.of("10.00", "EUR"), custom.eligibleAmount(draft(TODAY, "meals", "70", "EUR", RECEIPT)));
        assertEquals(2, custom.fields().get(2).attachmentPolicy().maxFiles());
        assertMessage("category.caps", () -> new ExpenseRules(1024, 2, 30, new String[] { "champagne EUR 5" },
                new String[0], new String[0]));
        assertMessage("mileage.rates", () -> new ExpenseRules(1024, 2, 30, new String[0],
                new String[] { "EUR -1" }, new String[0]));
        assertMessage("per.diem.rates", () -> new ExpenseRules(1024, 2, 30, new String[0], new String[0],
                new String[] { "XXY 10" }));
        assertMessage("max.receipts", () -> new ExpenseRules(1024, 11, 30, new String[0], new String[0],
                new String[0]));
    }

    @Test
    public void accountingAndContributedAccounts() {
        assertEquals(Accounts.PARTNER_EXPENSES, rules.accountingRule().expenseAccount());
        assertEquals(List.of(Accounts.PARTNER_EXPENSES, Accounts.ACCRUED_PARTNER_CLAIMS),
                new ExpenseAccounts().accounts().stream().map(a -> a.code()).toList());
    }

    private static void assertMessage(String text, Runnable run) {
        try {
            run.run();
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().contains(text));
            return;
        }
        throw new AssertionError("no IllegalArgumentException naming " + text);
    }
}
