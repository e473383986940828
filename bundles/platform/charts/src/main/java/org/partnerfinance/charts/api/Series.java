package org.partnerfinance.charts.api;

import java.util.Objects;

/**
 * One kind of value in a chart, e.g. the aging bucket "1-30": its name in the legend and tooltips and its fill colour.
 *
 * @param name  shown in the legend (escaped)
 * @param color a CSS colour, e.g. {@code var(--lumo-error-color)} or {@code #d33}
 */
public record Series(String name, String color) {

    public Series {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(color, "color");
    }
}
