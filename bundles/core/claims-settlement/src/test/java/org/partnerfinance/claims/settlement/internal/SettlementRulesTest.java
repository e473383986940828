package org.partnerfinance.claims.settlement.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.Test;
import org.partnerfinance.claims.api.AccountingRule;
import org.partnerfinance.claims.api.Claim;
import org.partnerfinance.claims.api.ClaimAccrual;
import org.partnerfinance.claims.api.ClaimStatus;
import org.partnerfinance.claims.api.SettlementMethod;
import org.partnerfinance.documents.api.AllocationRequest;
import org.partnerfinance.documents.api.Direction;
import org.partnerfinance.documents.api.Document;
import org.partnerfinance.documents.api.DocumentDraft;
import org.partnerfinance.documents.api.DocumentKind;
import org.partnerfinance.documents.api.DocumentStatus;
import org.partnerfinance.documents.api.LineDraft;
import org.partnerfinance.documents.api.PaymentDraft;
import org.partnerfinance.documents.api.PaymentStatus;
import org.partnerfinance.documents.api.Settlement;
import org.partnerfinance.ledger.api.Accounts;
import org.partnerfinance.ledger.api.Money;

public class SettlementRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
    private static final AccountingRule EXPENSE_RULE = new AccountingRule(Accounts.PARTNER_EXPENSES,
            Accounts.ACCRUED_PARTNER_CLAIMS, Accounts.BANK);

    /** A claim of 100.00 EUR whose approval accrued only 80.00 (a partial approval). */
    private static final Claim CLAIM = new Claim(42, "CLM-000042", "P-1001", "expense", "Expense reimbursement", true,
            ClaimStatus.APPROVED, TODAY.minusDays(5), "Taxi to the summit", Money.of("100.00", "EUR"),
            Money.of("100.00", "EUR"), List.of(), List.of(), List.of(), null, null, "reviewer", null, "partner",
            Instant.parse("2026-03-01T10:00:00Z"), null, null, null, 3);
    private static final ClaimAccrual PARTIAL = new ClaimAccrual(42, Money.of("80.00", "EUR"), EXPENSE_RULE);

    @Test
    public void datesFromTodayToAYearAheadCanBePlanned() {
        SettlementRules.requirePlannable(SettlementMethod.PAYMENT, TODAY, TODAY);
        SettlementRules.requirePlannable(SettlementMethod.CREDIT_NOTE, TODAY.plusDays(366), TODAY);
        assertEquals("The settlement date 2026-03-09 is in the past.", assertThrows(IllegalArgumentException.class,
                () -> SettlementRules.requirePlannable(SettlementMethod.PAYMENT, TODAY.minusDays(1), TODAY))
                .getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> SettlementRules.requirePlannable(SettlementMethod.PAYMENT, TODAY.plusDays(367), TODAY));
        assertThrows(IllegalArgumentException.class, () -> SettlementRules.requirePlannable(null, TODAY, TODAY));
        assertThrows(IllegalArgumentException.class,
                () -> SettlementRules.requirePlannable(SettlementMethod.PAYMENT, null, TODAY));
    }

    @Test
    public void aCreditNoteIsDueOnItsDateAndAfter() {
        assertFalse(SettlementRules.due(TODAY.plusDays(1), TODAY));
        assertTrue(SettlementRules.due(TODAY, TODAY));
        assertTrue(SettlementRules.due(TODAY.minusDays(1), TODAY));
    }

    @Test
    public void thePayableIsWorthTheAccruedAmountAndPostsAgainstTheExpenseAccount() {
        DocumentDraft payable = SettlementRules.payable(CLAIM, PARTIAL, TODAY, TODAY.plusDays(14));
        assertEquals(Direction.PAYABLE, payable.direction());
        assertEquals(DocumentKind.INVOICE, payable.kind());
        assertEquals("CLM-000042", payable.number());
        assertEquals(TODAY, payable.issueDate());
        assertEquals(TODAY.plusDays(14), payable.dueDate());
        assertEquals("EUR", payable.currency());
        // the partially approved amount, not the 100.00 claimed
        assertEquals(new BigDecimal("80.00"), payable.statedGross());
        assertEquals(List.of(new LineDraft("Claim CLM-000042 (Expense reimbursement): Taxi to the summit",
                BigDecimal.ONE, new BigDecimal("80.00"), "O", BigDecimal.ZERO, Accounts.PARTNER_EXPENSES)),
                payable.lines());
        assertEquals("claims", payable.sourceSystem());
    }

    @Test
    public void theCreditNoteIsAReceivableIssuedOnItsDate() {
        DocumentDraft note = SettlementRules.creditNote(CLAIM, PARTIAL, TODAY);
        assertEquals(Direction.RECEIVABLE, note.direction());
        assertEquals(DocumentKind.CREDIT_NOTE, note.kind());
        assertEquals(TODAY, note.issueDate());
        assertEquals(TODAY, note.dueDate());
        assertNull(note.creditedNumber());
        assertEquals(Accounts.PARTNER_EXPENSES, note.lines().get(0).account());
        assertEquals(new BigDecimal("80.00"), note.lines().get(0).unitPrice());
    }

    @Test
    public void thePaymentIsScheduledForTheDateAndSettlesThePayable() {
        PaymentDraft payment = SettlementRules.payment(CLAIM, PARTIAL, 7L, TODAY.plusDays(14));
        assertEquals(Direction.PAYABLE, payment.direction());
        assertEquals(PaymentStatus.SCHEDULED, payment.status());
        assertEquals(TODAY.plusDays(14), payment.valueDate());
        assertEquals(new BigDecimal("80.00"), payment.amount());
        assertEquals("CLM-000042", payment.endToEndId());
        assertNull(payment.bankReference());
        assertEquals(List.of(new AllocationRequest(7L, new BigDecimal("80.00"))), payment.allocations());
    }

    @Test
    public void nothingLeftToSettleIsRefused() {
        ClaimAccrual none = new ClaimAccrual(42, Money.of("0", "EUR"), EXPENSE_RULE);
        assertEquals("Claim CLM-000042 has no open accrual to settle.", assertThrows(IllegalStateException.class,
                () -> SettlementRules.creditNote(CLAIM, none, TODAY)).getMessage());
    }

    @Test
    public void aCreditNoteSettlesTheOldestDueInvoicesFirstAndKeepsTheRestOnAccount() {
        Document late = invoice(3, TODAY.minusDays(40), "30.00");
        Document soon = invoice(1, TODAY.plusDays(10), "500.00");
        Document older = invoice(2, TODAY.minusDays(40), "25.00");
        assertEquals(List.of(new AllocationRequest(2, new BigDecimal("25.00")),
                new AllocationRequest(3, new BigDecimal("30.00")), new AllocationRequest(1, new BigDecimal("25.00"))),
                SettlementRules.creditPlan(new BigDecimal("80.00"), List.of(soon, late, older)));
        assertEquals(List.of(new AllocationRequest(2, new BigDecimal("25.00")),
                new AllocationRequest(3, new BigDecimal("30.00"))),
                SettlementRules.creditPlan(new BigDecimal("80.00"), List.of(late, older)));
        assertEquals(List.of(), SettlementRules.creditPlan(new BigDecimal("80.00"), List.of()));
    }

    private static Document invoice(long id, LocalDate due, String open) {
        Money gross = Money.of("500.00", "EUR");
        return new Document(id, "P-1001", "Acme", Direction.RECEIVABLE, DocumentKind.INVOICE, "INV-" + id,
                due.minusDays(30), due, List.of(), List.of(), gross, Money.of("0", "EUR"), gross,
                Money.of(open, "EUR"), DocumentStatus.OPEN, Settlement.UNPAID, false, null, "SAP", "", Instant.EPOCH,
                0);
    }
}
