package org.partnerfinance.claimtype.expense.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.Test;
import org.partnerfinance.claims.api.AccountingRule;
import org.partnerfinance.claims.api.AttachmentUpload;
import org.partnerfinance.claims.api.ClaimDraft;
import org.partnerfinance.claims.api.FieldDef;
import org.partnerfinance.claims.api.FieldKind;
import org.partnerfinance.claims.api.Problem;
import org.partnerfinance.ledger.api.Accounts;
import org.partnerfinance.ledger.api.Money;

public class ExpenseRulesTest {

    /** 2025-06-15, noon UTC. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-15T12:00:00Z"), ZoneOffset.UTC);
    private static final LocalDate TODAY = LocalDate.of(2025, 6, 15);

    private final ExpenseRules rules = ExpenseRules.defaults();

    private static ClaimDraft draft(LocalDate date, String category, String merchant, String amount) {
        Map<String, String> fields = new HashMap<>();
        if (category != null) {
            fields.put(ExpenseRules.CATEGORY, category);
        }
        if (merchant != null) {
            fields.put(ExpenseRules.MERCHANT, merchant);
        }
        return new ClaimDraft("expense", "P-1001", date, "Taxi to the partner summit",
                amount == null ? null : Money.of(amount, "EUR"), fields,
                List.of(new AttachmentUpload("receipt.pdf", new byte[] { '%', 'P', 'D', 'F' })));
    }

    private static Map<String, String> byField(List<Problem> problems) {
        return problems.stream().collect(Collectors.toMap(p -> String.valueOf(p.field()), Problem::message));
    }

    @Test
    public void validDraftHasNoProblems() {
        assertEquals(List.of(), rules.validate(draft(TODAY, "travel", "City Cabs", "42.50"), CLOCK));
        assertEquals(List.of(), rules.validate(draft(TODAY.minusDays(365), "other", null, "1.00"), CLOCK));
    }

    @Test
    public void dateInTheFutureIsRejected() {
        Map<String, String> problems = byField(rules.validate(draft(TODAY.plusDays(1), "meals", null, "10"), CLOCK));
        assertEquals(1, problems.size());
        assertTrue(problems.get("date").contains("future"));
    }

    @Test
    public void todayIsJudgedInTheClocksZone() {
        // 23:30 UTC on the 15th is already the 16th in UTC+2: the 16th is "today" there, not the future
        Clock lateInBerlin = Clock.fixed(Instant.parse("2025-06-15T23:30:00Z"), ZoneOffset.ofHours(2));
        assertEquals(List.of(), rules.validate(draft(LocalDate.of(2025, 6, 16), "meals", null, "10"), lateInBerlin));
        assertFalse(rules.validate(draft(LocalDate.of(2025, 6, 16), "meals", null, "10"), CLOCK).isEmpty());
    }

    @Test
    public void datesOlderThanTheConfiguredAgeAreRejected() {
        Map<String, String> problems = byField(rules.validate(draft(TODAY.minusDays(366), "meals", null, "10"), CLOCK));
        assertTrue(problems.get("date").contains("older than 365 days"));

        ExpenseRules strict = new ExpenseRules(ExpenseRules.DEFAULT_MAX_RECEIPT_BYTES, 30);
        assertEquals(List.of(), strict.validate(draft(TODAY.minusDays(30), "meals", null, "10"), CLOCK));
        assertTrue(byField(strict.validate(draft(TODAY.minusDays(31), "meals", null, "10"), CLOCK)).get("date")
                .contains("older than 30 days"));
    }

    @Test
    public void missingDateIsReportedOnTheDateField() {
        assertTrue(byField(rules.validate(draft(null, "meals", null, "10"), CLOCK)).containsKey("date"));
    }

    @Test
    public void categoryIsRequiredAndMustBeKnown() {
        assertEquals("Choose a category.", byField(rules.validate(draft(TODAY, null, null, "10"), CLOCK)).get("category"));
        assertEquals("Choose a category.", byField(rules.validate(draft(TODAY, " ", null, "10"), CLOCK)).get("category"));
        String unknown = byField(rules.validate(draft(TODAY, "yacht", null, "10"), CLOCK)).get("category");
        assertTrue(unknown, unknown.contains("Unknown category \"yacht\""));
        for (String category : ExpenseRules.categories()) {
            assertEquals(category, List.of(), rules.validate(draft(TODAY, category, null, "10"), CLOCK));
        }
    }

    @Test
    public void descriptionIsRequired() {
        ClaimDraft noDescription = new ClaimDraft("expense", "P-1001", TODAY, "  ", Money.of("10", "EUR"),
                Map.of(ExpenseRules.CATEGORY, "meals"), List.of());
        assertEquals("Describe the expense.", byField(rules.validate(noDescription, CLOCK)).get("description"));
    }

    @Test
    public void overlongMerchantIsRejected() {
        String merchant = "m".repeat(ExpenseRules.MAX_MERCHANT_LENGTH + 1);
        assertTrue(byField(rules.validate(draft(TODAY, "meals", merchant, "10"), CLOCK)).containsKey("merchant"));
    }

    @Test
    public void everyProblemIsReportedAtOnce() {
        Map<String, String> problems = byField(rules.validate(draft(TODAY.plusDays(3), "yacht", null, "10"), CLOCK));
        assertEquals(Set.of("date", "category"), problems.keySet());
    }

    @Test
    public void eligibleAmountIsTheFullClaimedAmount() {
        ClaimDraft draft = draft(TODAY, "travel", null, "1234.56");
        assertEquals(Money.of("1234.56", "EUR"), rules.eligibleAmount(draft));
        ClaimDraft yen = new ClaimDraft("expense", "P-1001", TODAY, "Dinner", Money.of("5000", "JPY"),
                Map.of(ExpenseRules.CATEGORY, "meals"), List.of());
        assertEquals(Money.of("5000", "JPY"), rules.eligibleAmount(yen));
    }

    @Test(expected = IllegalArgumentException.class)
    public void eligibleAmountNeedsAnAmount() {
        rules.eligibleAmount(draft(TODAY, "travel", null, null));
    }

    @Test
    public void accountingPostsPartnerExpensesAgainstAccruedClaimsAndSettlesFromTheBank() {
        AccountingRule rule = rules.accountingRule();
        assertEquals(Accounts.PARTNER_EXPENSES, rule.expenseAccount());
        assertEquals("6100", rule.expenseAccount());
        assertEquals("2150", rule.accrualAccount());
        assertEquals("1000", rule.settlementAccount());
    }

    @Test
    public void receiptIsRequiredWithConfiguredLimitAndTypes() {
        assertTrue(rules.attachmentPolicy().required());
        assertEquals(5L * 1024 * 1024, rules.attachmentPolicy().maxBytes());
        assertEquals(Set.of("application/pdf", "image/png", "image/jpeg"),
                rules.attachmentPolicy().contentTypes());
        assertEquals(1024, new ExpenseRules(1024, 365).attachmentPolicy().maxBytes());
    }

    @Test
    public void fieldsAreCategoryAsRequiredChoiceAndOptionalMerchant() {
        List<FieldDef> fields = rules.fields();
        assertEquals(2, fields.size());
        FieldDef category = fields.get(0);
        assertEquals("category", category.name());
        assertSame(FieldKind.CHOICE, category.kind());
        assertTrue(category.required());
        assertEquals(List.of("travel", "accommodation", "meals", "events", "marketing-materials", "other"),
                category.choices());
        FieldDef merchant = fields.get(1);
        assertEquals("merchant", merchant.name());
        assertSame(FieldKind.TEXT, merchant.kind());
        assertFalse(merchant.required());
    }

    @Test(expected = IllegalArgumentException.class)
    public void nonPositiveLimitsAreRefused() {
        new ExpenseRules(0, 365);
    }
}
