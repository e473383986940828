package org.partnerfinance.charts.api;

import static org.junit.Assert.assertEquals;

import java.math.BigDecimal;

import org.junit.Test;

public class SvgTextTest {

    @Test
    public void escapesMarkupAndDropsControlCharacters() {
        assertEquals("a &lt;b&gt; &amp; &quot;c&quot; &#39;d&#39;", SvgText.escape("a <b> & \"c\" 'd'"));
        assertEquals("ab", SvgText.escape("a\u0000b"));
        assertEquals("", SvgText.escape(null));
    }

    @Test
    public void compactFormsForAxes() {
        assertEquals("0", SvgText.compact(BigDecimal.ZERO));
        assertEquals("0", SvgText.compact(new BigDecimal("0.4")));
        assertEquals("950", SvgText.compact(new BigDecimal("950")));
        assertEquals("1k", SvgText.compact(new BigDecimal("999.96")));
        assertEquals("12.3k", SvgText.compact(new BigDecimal("12345.67")));
        assertEquals("-4.5M", SvgText.compact(new BigDecimal("-4500000")));
        assertEquals("1.2B", SvgText.compact(new BigDecimal("1234567890")));
        assertEquals("1000T", SvgText.compact(new BigDecimal("999999999999999")));
    }

    @Test
    public void groupedWithTwoDecimals() {
        assertEquals("-1,234.50", SvgText.grouped(new BigDecimal("-1234.5")));
        assertEquals("0.00", SvgText.grouped(BigDecimal.ZERO));
    }

    @Test
    public void shortensLongLabels() {
        assertEquals("Northwind Tra\u2026", SvgText.shorten("Northwind Traders International", 14));
        assertEquals("Short", SvgText.shorten("Short", 14));
    }

    @Test
    public void coordinatesHaveOneDecimalAtMost() {
        assertEquals("12", SvgText.coordinate(12.04));
        assertEquals("12.5", SvgText.coordinate(12.46));
    }
}
