package org.partnerfinance.documents.ui.internal.finance;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Set;

import org.junit.Test;
import org.partnerfinance.charts.api.StackedBarChart;
import org.partnerfinance.documents.api.Aging;
import org.partnerfinance.documents.api.AgingRow;
import org.partnerfinance.documents.api.Direction;
import org.partnerfinance.documents.api.Dispute;
import org.partnerfinance.documents.api.DisputeStatus;
import org.partnerfinance.documents.api.DisputeSubject;
import org.partnerfinance.documents.api.Document;
import org.partnerfinance.documents.api.DocumentKind;
import org.partnerfinance.documents.api.DocumentStatus;
import org.partnerfinance.documents.api.DocumentValidationException;
import org.partnerfinance.documents.api.DsoPoint;
import org.partnerfinance.documents.api.DunningLevel;
import org.partnerfinance.documents.api.OverdueItem;
import org.partnerfinance.documents.api.Reconciliation;
import org.partnerfinance.documents.api.ReconciliationDifference;
import org.partnerfinance.documents.api.Settlement;
import org.partnerfinance.ledger.api.Money;
import org.partnerfinance.partner.api.Partner;
import org.partnerfinance.partner.api.PartnerKind;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.Role;
import org.partnerfinance.ui.api.Roles;
import org.partnerfinance.ui.api.ScreenPath;

/** The pure parts of the finance screens: totals, ordering, wording and the checks of the decision forms. */
public class FinanceFiguresTest {

    private static Aging aging(String... v) {
        BigDecimal[] b = java.util.Arrays.stream(v).map(BigDecimal::new).toArray(BigDecimal[]::new);
        return new Aging(b[0], b[1], b[2], b[3], b[4], b[5], b[6]);
    }

    private static Document document(long id, DocumentKind kind, String due, String open) {
        Money amount = Money.of(open, "EUR");
        return new Document(id, "P-1001", "Nordlicht", Direction.PAYABLE, kind, "N-" + id, LocalDate.parse(due)
                .minusDays(30), LocalDate.parse(due), List.of(), List.of(), amount, Money.of("0", "EUR"), amount,
                amount, DocumentStatus.OPEN, Settlement.UNPAID, false, null, "ERP", "", Instant.EPOCH, 0);
    }

    private static Dispute dispute(String amount) {
        return new Dispute(7, "P-1001", 3, "INV-3", DisputeSubject.INVOICE, null, Money.of(amount, "EUR"),
                "Goods damaged", null, DisputeStatus.OPEN, null, null, "partner", Instant.EPOCH, null, null, 1);
    }

    private static OverdueItem overdue(DunningLevel due, DunningLevel last) {
        return new OverdueItem(document(1, DocumentKind.INVOICE, "2025-01-31", "100.00"), 40, due, last, null);
    }

    @Test
    public void agingTotalsRowAddsEveryBucketAndMatchesTheBalances() {
        List<AgingRow> rows = List.of(new AgingRow("P-1", "A", "EUR", aging("-5", "100", "20", "0", "0", "0", "1")),
                new AgingRow("P-2", "B", "EUR", aging("0", "10", "0", "30", "4", "2", "0")));
        Aging total = AgingTable.total(rows);
        assertEquals(aging("-5", "110", "20", "30", "4", "2", "1"), total);
        assertEquals(0, total.total().compareTo(new BigDecimal("162")));
        assertEquals(0, AgingTable.total(List.of()).total().signum());
        assertEquals(AgingTable.BUCKETS.size(), AgingTable.series().size());
        assertEquals(List.of("Unapplied", "Current", "1-30", "31-60", "61-90", "91-120", "120+"),
                AgingTable.series().stream().map(s -> s.name()).toList());
    }

    @Test
    public void agingChartShowsTheMostOverdueFirstAndAtMostTwentyPartners() {
        List<AgingRow> rows = new java.util.ArrayList<>();
        for (int i = 0; i < 30; i++) {
            rows.add(new AgingRow(String.format("P-%04d", i), "", "EUR",
                    aging("0", "10", String.valueOf(i), "0", "0", "0", "0")));
        }
        List<StackedBarChart.Bar> bars = AgingTable.bars(rows);
        assertEquals(AgingTable.MAX_BARS, bars.size());
        assertEquals("P-0029", bars.get(0).label());
        assertEquals("P-0010", bars.get(19).label());
        assertEquals("20 of 30 partners, most overdue first", AgingTable.chartCaption(20, 30));
        assertEquals("1 partner", AgingTable.chartCaption(1, 1));
        assertEquals("P-1 Nordlicht", AgingTable.label(new AgingRow("P-1", "Nordlicht", "EUR",
                aging("0", "0", "0", "0", "0", "0", "0"))));
    }

    @Test
    public void payablesAreSummedPerWeekWithOverdueFirst() {
        LocalDate today = LocalDate.parse("2025-03-12"); // a Wednesday; its week starts on Monday 2025-03-10
        List<WeeklyTotals.Week> weeks = WeeklyTotals.of(List.of(
                document(1, DocumentKind.INVOICE, "2025-03-07", "100.00"),
                document(2, DocumentKind.INVOICE, "2025-03-10", "50.00"),
                document(3, DocumentKind.INVOICE, "2025-03-16", "25.50"),
                document(4, DocumentKind.CREDIT_NOTE, "2025-03-14", "10.00"),
                document(5, DocumentKind.INVOICE, "2025-03-24", "7.00")), today);
        assertEquals(3, weeks.size());
        assertTrue(weeks.get(0).overdue());
        assertEquals("Overdue", WeeklyTotals.label(weeks.get(0)));
        assertEquals(0, weeks.get(0).open().compareTo(new BigDecimal("100.00")));
        assertEquals(LocalDate.parse("2025-03-10"), weeks.get(1).monday());
        assertEquals(3, weeks.get(1).count());
        assertEquals(0, weeks.get(1).open().compareTo(new BigDecimal("65.50")));
        assertEquals("Week of 2025-03-24", WeeklyTotals.label(weeks.get(2)));
        assertTrue(WeeklyTotals.of(List.of(), today).isEmpty());
    }

    @Test
    public void acceptedAmountIsAtMostTheDisputedOne() {
        Dispute d = dispute("120.00");
        assertEquals(new BigDecimal("120.00"), DisputeDecision.acceptedAmount(d, null));
        assertEquals(new BigDecimal("80"), DisputeDecision.acceptedAmount(d, new BigDecimal("80")));
        assertEquals(new BigDecimal("120.00"), DisputeDecision.acceptedAmount(d, new BigDecimal("120.00")));
        assertRefused(() -> DisputeDecision.acceptedAmount(d, new BigDecimal("120.01")), "acceptedAmount",
                "EUR 120.00");
        assertRefused(() -> DisputeDecision.acceptedAmount(d, BigDecimal.ZERO), "acceptedAmount", "more than zero");
        assertRefused(() -> DisputeDecision.acceptedAmount(d, new BigDecimal("10.005")), "acceptedAmount",
                "2 decimals");
    }

    @Test
    public void aRejectionNeedsAReason() {
        assertEquals("Price was agreed", DisputeDecision.rejectionReason("  Price was agreed "));
        assertRefused(() -> DisputeDecision.rejectionReason("   "), "reason", "reason");
        assertRefused(() -> DisputeDecision.rejectionReason(null), "reason", "reason");
    }

    @Test
    public void dunningEscalatesOneStepAtATime() {
        OverdueItem fresh = overdue(DunningLevel.SECOND_NOTICE, DunningLevel.NONE);
        assertTrue(Dunning.behind(fresh));
        assertEquals(DunningLevel.REMINDER, Dunning.suggested(fresh));
        assertEquals("Second notice due", Dunning.status(fresh));

        OverdueItem reminded = overdue(DunningLevel.SECOND_NOTICE, DunningLevel.REMINDER);
        assertEquals(DunningLevel.SECOND_NOTICE, Dunning.suggested(reminded));
        assertEquals("Second notice due (last: Reminder)", Dunning.status(reminded));

        OverdueItem upToDate = overdue(DunningLevel.REMINDER, DunningLevel.REMINDER);
        assertFalse(Dunning.behind(upToDate));
        assertEquals(DunningLevel.REMINDER, Dunning.suggested(upToDate));
        assertEquals("Reminder sent", Dunning.status(upToDate));

        OverdueItem notYet = overdue(DunningLevel.NONE, null);
        assertFalse(Dunning.behind(notYet));
        assertEquals(DunningLevel.REMINDER, Dunning.suggested(notYet));
        assertEquals("", Dunning.status(notYet));
        assertFalse(Dunning.RECORDABLE.contains(DunningLevel.NONE));
    }

    @Test
    public void dsoFiguresAndOrder() {
        DsoPoint a = new DsoPoint("P-1", "EUR", LocalDate.parse("2025-03-31"), 90, BigDecimal.TEN, BigDecimal.ONE,
                new BigDecimal("42.45"));
        DsoPoint b = new DsoPoint("P-2", "EUR", LocalDate.parse("2025-03-31"), 90, BigDecimal.TEN, BigDecimal.ZERO,
                null);
        DsoPoint c = new DsoPoint("P-3", "EUR", LocalDate.parse("2025-03-31"), 90, BigDecimal.TEN, BigDecimal.ONE,
                new BigDecimal("61"));
        assertEquals("42.5", DsoFigures.days(a));
        assertEquals("-", DsoFigures.days(b));
        assertEquals("Mar 25", DsoFigures.month(a));
        assertEquals(List.of("P-3", "P-1", "P-2"),
                DsoFigures.longestFirst(List.of(a, b, c)).stream().map(DsoPoint::partnerId).toList());
        assertNull(DsoFigures.points(List.of(b)).get(0).value());
    }

    @Test
    public void currencyOfferedFollowsThePartnersAndTheLink() {
        Currency eur = Currency.getInstance("EUR");
        Currency usd = Currency.getInstance("USD");
        List<Partner> partners = List.of(new Partner("P-1001", "A", PartnerKind.DISTRIBUTOR, usd, true, Set.of(eur)),
                new Partner("P-1002", "B", PartnerKind.RESELLER, eur, true),
                new Partner("P-1003", "C", PartnerKind.VENDOR, eur, true));
        assertEquals(List.of("EUR", "USD"), Finance.currencies(partners));
        assertEquals("EUR", Finance.initialCurrency(partners, null));
        assertEquals("USD", Finance.initialCurrency(partners, "USD"));
        assertEquals("EUR", Finance.initialCurrency(partners, "GBP"));
        assertNull(Finance.initialCurrency(List.of(), null));
        assertEquals("statement?partner=P-1001&currency=EUR", Finance.statementLink("P-1001", "EUR"));
    }

    @Test
    public void rolesOfTheScreens() {
        Caller manager = new Caller("m", "M", Set.of(Role.FINANCE_MANAGER), null);
        Caller reviewer = new Caller("r", "R", Set.of(Role.FINANCE_REVIEWER), null);
        Caller admin = new Caller("a", "A", Set.of(Role.ADMINISTRATOR), null);
        assertTrue(Finance.decidesDisputes(manager));
        assertFalse(Finance.decidesDisputes(reviewer));
        assertTrue(Finance.isFinanceStaff(reviewer));
        assertFalse(Finance.isFinanceStaff(admin));
        assertTrue(roles(AgingScreen.class).contains(Role.ADMINISTRATOR));
        assertFalse(roles(AgingScreen.class).contains(Role.PARTNER_USER));
        assertFalse(roles(PaymentsToConfirmScreen.class).contains(Role.ADMINISTRATOR));
        assertEquals("finance/disputes", DisputesScreen.class.getAnnotation(ScreenPath.class).value());
    }

    @Test
    public void reconciliationSummary() {
        LocalDate asOf = LocalDate.parse("2025-03-31");
        assertEquals("12 partner balances compared as of 2025-03-31; all match the control accounts.",
                ReconciliationView.summary(new Reconciliation(asOf, 12, List.of())));
        assertTrue(ReconciliationView.summary(new Reconciliation(asOf, 1, List.of(new ReconciliationDifference(
                "P-1", "EUR", "1200", BigDecimal.TEN, BigDecimal.ONE, new BigDecimal("9"))))).startsWith(
                        "1 partner balance compared as of 2025-03-31; the open items differ"));
    }

    @Test
    public void attachmentNamesAreSafeInTheHeader() {
        assertEquals("attachment; filename=\"a_b_.pdf\"; filename*=UTF-8''a%22b%C3%A9.pdf",
                DisputeAttachmentDownload.contentDisposition("a\"bé.pdf"));
        assertEquals("attachment; filename=\"attachment\"; filename*=UTF-8''attachment",
                DisputeAttachmentDownload.contentDisposition(null));
    }

    private static void assertRefused(Runnable call, String field, String messagePart) {
        try {
            call.run();
            fail("expected a refusal at " + field);
        } catch (DocumentValidationException e) {
            assertEquals(field, e.field());
            assertTrue(e.getMessage(), e.getMessage().contains(messagePart));
        }
    }

    /** The roles a screen declares in its {@code @Roles} service property. */
    private static java.util.List<Role> roles(Class<?> screen) {
        return java.util.List.of(screen.getAnnotation(Roles.class).value());
    }
}
