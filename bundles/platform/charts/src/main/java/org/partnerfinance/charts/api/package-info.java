/**
 * Charts as SVG markup built on the server: {@link org.partnerfinance.charts.api.StackedBarChart} (horizontal bars of
 * signed parts, e.g. aging buckets per partner) and {@link org.partnerfinance.charts.api.LineChart} (a value over
 * time, e.g. DSO at month ends). Screens and widgets wrap the markup in Vaadin's {@code Svg} component; every text is
 * escaped here, colours are CSS values (Lumo custom properties follow the theme). The layout methods are pure functions
 * so that the geometry can be tested without rendering.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.partnerfinance.charts.api;
