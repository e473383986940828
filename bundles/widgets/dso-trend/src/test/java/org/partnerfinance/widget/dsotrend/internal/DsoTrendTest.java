package org.partnerfinance.widget.dsotrend.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.Test;
import org.partnerfinance.charts.api.LineChart;
import org.partnerfinance.documents.api.DsoPoint;
import org.partnerfinance.security.api.Role;
import org.partnerfinance.ui.api.Roles;

public class DsoTrendTest {

    private static DsoPoint point(String date, String days) {
        return new DsoPoint(null, "EUR", LocalDate.parse(date), 90, BigDecimal.TEN, BigDecimal.ONE,
                days == null ? null : new BigDecimal(days));
    }

    @Test
    public void pointsAreLabelledByMonthAndKeepGaps() {
        List<LineChart.Point> points = DsoTrend.points(List.of(point("2025-01-31", "41.2"),
                point("2025-02-28", null), point("2025-12-31", "38.0")));
        assertEquals(List.of("Jan 25", "Feb 25", "Dec 25"), points.stream().map(LineChart.Point::label).toList());
        assertEquals(new BigDecimal("41.2"), points.get(0).value());
        assertNull(points.get(1).value());
    }

    @Test
    public void figuresForTheCard() {
        assertEquals("42.5 days", DsoTrend.days(point("2025-03-31", "42.45")));
        assertEquals("no sales in the period", DsoTrend.days(point("2025-03-31", null)));
        assertEquals("no sales in the period", DsoTrend.days(null));
    }

    @Test
    public void changeComparesWithTheLastMonthThatHadAValue() {
        List<DsoPoint> trend = new ArrayList<>(List.of(point("2025-01-31", "40.0"), point("2025-02-28", null),
                point("2025-03-31", "43.5")));
        assertEquals("+3.5 days since Jan 25", DsoTrend.change(trend));
        trend.add(point("2025-04-30", "41.0"));
        assertEquals("-2.5 days since Mar 25", DsoTrend.change(trend));
        trend.add(point("2025-05-31", null));
        assertEquals("", DsoTrend.change(trend));
        assertEquals("", DsoTrend.change(List.of(point("2025-01-31", "40.0"))));
        assertEquals("", DsoTrend.change(List.of()));
    }

    @Test
    public void financeAndAdministratorsSeeIt() {
        assertEquals(Set.of(Role.FINANCE_REVIEWER, Role.FINANCE_MANAGER, Role.ADMINISTRATOR), 
                Set.of(DsoTrendWidget.class.getAnnotation(Roles.class).value()));
    }
}
