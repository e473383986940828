package org.partnerfinance.claims.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.partnerfinance.claims.api.FieldDef;
import org.partnerfinance.claims.api.LineItem;

/**
 * Line items are stored as claim fields named {@code field.row.item} ({@link FieldDef#lineFieldName}) with labels
 * such as "Mileage 2: Km", so a claim with lines is readable (field by field) without its type and needs no table of
 * its own; this turns stored values back into the draft's plain fields and rows.
 */
record LineFields(Map<String, String> fields, List<LineItem> lineItems) {

    private static final Pattern LINE = Pattern.compile("([A-Za-z0-9_-]+)\\.(\\d{1,6})\\.([A-Za-z0-9_-]+)");

    static LineFields split(Map<String, String> stored) {
        Map<String, String> plain = new HashMap<>();
        // field -> row -> item -> value, rows in order
        Map<String, TreeMap<Integer, Map<String, String>>> rows = new TreeMap<>();
        stored.forEach((name, value) -> {
            Matcher m = LINE.matcher(name);
            if (m.matches()) {
                rows.computeIfAbsent(m.group(1), k -> new TreeMap<>())
                        .computeIfAbsent(Integer.parseInt(m.group(2)), k -> new HashMap<>())
                        .put(m.group(3), value);
            } else {
                plain.put(name, value);
            }
        });
        List<LineItem> lines = new ArrayList<>();
        rows.forEach((field, byRow) -> byRow.values().forEach(values -> lines.add(new LineItem(field, values))));
        return new LineFields(plain, lines);
    }
}
