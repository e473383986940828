package org.partnerfinance.widget.financeaging.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Set;

import org.junit.Test;
import org.partnerfinance.charts.api.StackedBarChart;
import org.partnerfinance.documents.api.Aging;
import org.partnerfinance.documents.api.AgingRow;
import org.partnerfinance.partner.api.Partner;
import org.partnerfinance.partner.api.PartnerKind;
import org.partnerfinance.security.api.Role;
import org.partnerfinance.ui.api.Roles;

public class AgingSummaryTest {

    private static Aging aging(String... values) {
        BigDecimal[] v = java.util.Arrays.stream(values).map(BigDecimal::new).toArray(BigDecimal[]::new);
        return new Aging(v[0], v[1], v[2], v[3], v[4], v[5], v[6]);
    }

    private static AgingRow row(String id, String name, Aging aging) {
        return new AgingRow(id, name, "EUR", aging);
    }

    @Test
    public void bucketsKeepTheStatementOrder() {
        assertEquals(List.of(new BigDecimal("-1"), new BigDecimal("2"), new BigDecimal("3"), new BigDecimal("4"),
                new BigDecimal("5"), new BigDecimal("6"), new BigDecimal("7")),
                AgingSummary.buckets(aging("-1", "2", "3", "4", "5", "6", "7")));
        assertEquals(7, AgingSummary.SERIES.size());
    }

    @Test
    public void totalsAddUpEveryBucketAndStillMatchTheBalances() {
        List<AgingRow> rows = List.of(row("P-1", "A", aging("-10", "100", "20", "0", "0", "0", "5")),
                row("P-2", "B", aging("0", "50", "0", "30", "0", "0", "0")));
        Aging total = AgingSummary.total(rows);
        assertEquals(aging("-10", "150", "20", "30", "0", "0", "5"), total);
        assertEquals(0, total.total().compareTo(rows.get(0).aging().total().add(rows.get(1).aging().total())));
    }

    @Test
    public void chartShowsAllPartnersThenTheMostOverdue() {
        List<AgingRow> rows = List.of(
                row("P-1", "Little overdue", aging("0", "900", "10", "0", "0", "0", "0")),
                row("P-2", "Much overdue", aging("0", "0", "0", "0", "0", "0", "500")),
                row("P-3", "", aging("0", "0", "0", "100", "0", "0", "0")),
                row("P-4", "Settled", aging("0", "0", "0", "0", "0", "0", "0")),
                row("P-5", "E", aging("0", "1", "1", "0", "0", "0", "0")),
                row("P-6", "F", aging("0", "1", "2", "0", "0", "0", "0")),
                row("P-7", "G", aging("0", "1", "3", "0", "0", "0", "0")));
        List<StackedBarChart.Bar> bars = AgingSummary.bars(rows);
        assertEquals(List.of(AgingSummary.ALL, "Much overdue", "P-3", "Little overdue", "G", "F"),
                bars.stream().map(StackedBarChart.Bar::label).toList());
        assertEquals(0, bars.get(0).total().compareTo(new BigDecimal("1519")));
    }

    @Test
    public void currenciesOfferedAreThoseOfThePartners() {
        Currency eur = Currency.getInstance("EUR");
        Currency usd = Currency.getInstance("USD");
        List<Partner> partners = List.of(
                new Partner("P-1001", "A", PartnerKind.DISTRIBUTOR, usd, true, Set.of(eur)),
                new Partner("P-1002", "B", PartnerKind.RESELLER, eur, true),
                new Partner("P-1003", "C", PartnerKind.VENDOR, eur, true, Set.of(Currency.getInstance("GBP"))));
        assertEquals(List.of("EUR", "GBP", "USD"), AgingSummary.currencies(partners));
        assertEquals("EUR", AgingSummary.usualCurrency(partners));
        assertNull(AgingSummary.usualCurrency(List.of()));
    }

    @Test
    public void financeAndAdministratorsSeeIt() {
        assertEquals(Set.of(Role.FINANCE_REVIEWER, Role.FINANCE_MANAGER, Role.ADMINISTRATOR), 
                Set.of(AgingWidget.class.getAnnotation(Roles.class).value()));
    }
}
