package org.partnerfinance.connectors.api;

import java.util.List;

/**
 * The first rows of a file as a connector reads them, shown before importing so that a wrong column mapping or
 * format is seen before anything is written.
 *
 * @param columns  the names of the columns shown
 * @param rows     the first rows, each with one value per column
 * @param problems what the connector would refuse in these rows (e.g. {@code line 3: quantity "x" is not a number})
 */
public record Preview(List<String> columns, List<List<String>> rows, List<String> problems) {

    public Preview {
        columns = List.copyOf(columns);
        rows = rows.stream().map(List::copyOf).toList();
        problems = List.copyOf(problems);
    }
}
