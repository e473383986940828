package org.partnerfinance.funds.ui.internal;

import static org.junit.Assert.assertEquals;

import java.math.BigDecimal;
import java.util.List;

import com.vaadin.flow.component.html.Div;

import org.junit.Test;
import org.partnerfinance.funds.api.FundBalance;
import org.partnerfinance.ledger.api.Money;

public class FundsUiTest {

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    @Test
    public void percentagesAreSharesOfTheAllocation() {
        assertEquals(new BigDecimal("33.33"), FundsUi.percent(eur("1"), eur("3")));
        assertEquals(BigDecimal.ZERO, FundsUi.percent(eur("5"), eur("0")));
        assertEquals(BigDecimal.ZERO, FundsUi.percent(eur("0"), eur("10")));
    }

    @Test
    public void theBarHasOneSegmentPerNonEmptyBucketAndItsTitleListsEveryBucket() {
        FundBalance b = new FundBalance(eur("1000"), eur("200"), eur("0"), eur("300"), eur("100"));
        Div bar = FundsUi.bar(b);
        List<String> widths = bar.getChildren().map(c -> c.getElement().getStyle().get("width")).toList();
        // paid, reserved, expired, available (approved is empty)
        assertEquals(List.of("30.00%", "20.00%", "10.00%", "40.00%"), widths);
        assertEquals("paid EUR 300.00, approved EUR 0.00, reserved EUR 200.00, expired EUR 100.00, "
                + "available EUR 400.00", bar.getElement().getAttribute("title"));
    }
}
