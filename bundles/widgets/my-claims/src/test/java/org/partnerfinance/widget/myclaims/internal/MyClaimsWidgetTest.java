package org.partnerfinance.widget.myclaims.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.junit.Test;
import org.partnerfinance.claims.api.ClaimStatus;
import org.partnerfinance.claims.api.StatusTotal;
import org.partnerfinance.ledger.api.Money;

public class MyClaimsWidgetTest {

    @Test
    public void totalsAreFoldedPerStatusAcrossCurrencies() {
        List<StatusSummary> summaries = StatusSummary.of(List.of(
                new StatusTotal(ClaimStatus.APPROVED, 1, Money.of("10.00", "USD")),
                new StatusTotal(ClaimStatus.SUBMITTED, 2, Money.of("100.50", "EUR")),
                new StatusTotal(ClaimStatus.SUBMITTED, 1, Money.of("20.00", "USD")),
                new StatusTotal(ClaimStatus.SUBMITTED, 1, Money.of("0.50", "EUR")),
                new StatusTotal(ClaimStatus.PAID, 0, Money.of("0", "EUR"))));

        assertEquals("statuses in lifecycle order, empty ones left out", 2, summaries.size());
        StatusSummary submitted = summaries.get(0);
        assertEquals(ClaimStatus.SUBMITTED, submitted.status());
        assertEquals(4, submitted.count());
        assertEquals(List.of(Money.of("101.00", "EUR"), Money.of("20.00", "USD")), submitted.totals());
        assertEquals("EUR 101.00 · USD 20.00", submitted.totalsText());
        assertEquals(ClaimStatus.APPROVED, summaries.get(1).status());
    }

    @Test
    public void barsAreProportionalToTheLargestValue() {
        int full = StatusBars.WIDTH - StatusBars.LABEL_WIDTH - StatusBars.VALUE_WIDTH;
        assertEquals(full, StatusBars.barLength(8, 8));
        assertEquals(full / 2, StatusBars.barLength(4, 8));
        assertEquals("tiny values stay visible", 2, StatusBars.barLength(1, 100_000));
        assertEquals(0, StatusBars.barLength(0, 8));
    }

    @Test
    public void svgHasOneBarPerRowAndEscapesText() {
        String svg = StatusBars.svg(List.of(new StatusBars.Bar("Submitted", 3, "var(--lumo-primary-color)"),
                new StatusBars.Bar("<b>&\"x\"", 1, "red")), "Claims & more");
        assertTrue(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assertEquals(2, svg.split("<rect ", -1).length - 1);
        assertTrue(svg.contains("&lt;b&gt;&amp;&quot;x&quot;"));
        assertFalse(svg.contains("<b>"));
        assertTrue(svg.contains("<title>Claims &amp; more</title>"));
        assertTrue(svg.endsWith("</svg>"));
    }

    @Test
    public void svgIsAcceptedByVaadinsSvgComponent() {
        // the component refuses markup that does not start with <svg
        new com.vaadin.flow.component.Svg(StatusBars.svg(List.of(), "Nothing"));
    }
}
