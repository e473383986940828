package org.partnerfinance.claimtype.rebate.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.DoubleConsumer;

/**
 * The sales lines, through plain JDBC on the unit of work's connection: a file may have a million lines, which are
 * appended in batches and only ever summed, never loaded as objects.
 */
final class SalesStore {

    private static final int BATCH = 1000;

    private final Connection connection;

    SalesStore(Connection connection) {
        this.connection = connection;
    }

    /** Whether lines of this source (a file's hash, an invoice) were stored for the partner. */
    boolean exists(String partnerId, String source) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT 1 FROM rebate_sale WHERE partner_id = ? AND source = ? FETCH FIRST 1 ROWS ONLY")) {
            ps.setString(1, partnerId);
            ps.setString(2, source);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Sources starting with the prefix that the partner has lines of, e.g. every {@code invoice:}. */
    Set<String> sources(String partnerId, String prefix) throws SQLException {
        Set<String> result = new HashSet<>();
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT DISTINCT source FROM rebate_sale WHERE partner_id = ? AND source LIKE ?")) {
            ps.setString(1, partnerId);
            ps.setString(2, prefix + "%");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(rs.getString(1));
                }
            }
        }
        return result;
    }

    /** Appends lines of one source; the second half of the progress (0.5..1) follows the batches. */
    void insert(String partnerId, String source, List<SalesCsv.Line> lines, DoubleConsumer progress)
            throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO rebate_sale (partner_id, sale_date, "
                + "product_code, category, quantity, amount, currency, source, line_no) VALUES (?,?,?,?,?,?,?,?,?)")) {
            int pending = 0;
            int done = 0;
            for (SalesCsv.Line line : lines) {
                ps.setString(1, partnerId);
                ps.setDate(2, Date.valueOf(line.date()));
                ps.setString(3, line.product());
                ps.setString(4, line.category());
                ps.setBigDecimal(5, line.quantity());
                ps.setBigDecimal(6, line.amount());
                ps.setString(7, line.currency().getCurrencyCode());
                ps.setString(8, source);
                ps.setLong(9, line.lineNo());
                ps.addBatch();
                done++;
                if (++pending == BATCH) {
                    ps.executeBatch();
                    pending = 0;
                    if (progress != null) {
                        progress.accept(0.5 + 0.5 * done / lines.size());
                    }
                }
            }
            if (pending > 0) {
                ps.executeBatch();
            }
        }
    }

    /** Earliest and latest sale date of a source's lines. */
    static LocalDate[] range(List<SalesCsv.Line> lines) {
        LocalDate min = LocalDate.MAX;
        LocalDate max = LocalDate.MIN;
        for (SalesCsv.Line l : lines) {
            min = l.date().isBefore(min) ? l.date() : min;
            max = l.date().isAfter(max) ? l.date() : max;
        }
        return new LocalDate[] {min, max};
    }

    /** Quantity and amount summed over the lines an agreement counts. */
    record Totals(BigDecimal quantity, BigDecimal amount) {
        static final Totals ZERO = new Totals(BigDecimal.ZERO, BigDecimal.ZERO);
    }

    /**
     * Sums the partner's lines in the currency and period; with products or categories given, only lines of those
     * products or categories (lines without either, like invoices, then never count).
     */
    Totals totals(String partnerId, Currency currency, LocalDate from, LocalDate to, Set<String> products,
            Set<String> categories) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT SUM(quantity), SUM(amount) FROM rebate_sale "
                + "WHERE partner_id = ? AND currency = ? AND sale_date >= ? AND sale_date <= ?");
        List<String> scope = new ArrayList<>();
        if (!products.isEmpty() || !categories.isEmpty()) {
            List<String> ors = new ArrayList<>();
            if (!products.isEmpty()) {
                ors.add("product_code IN (" + placeholders(products.size()) + ")");
                scope.addAll(products);
            }
            if (!categories.isEmpty()) {
                ors.add("category IN (" + placeholders(categories.size()) + ")");
                scope.addAll(categories);
            }
            sql.append(" AND (").append(String.join(" OR ", ors)).append(')');
        }
        try (PreparedStatement ps = connection.prepareStatement(sql.toString())) {
            ps.setString(1, partnerId);
            ps.setString(2, currency.getCurrencyCode());
            ps.setDate(3, Date.valueOf(from));
            ps.setDate(4, Date.valueOf(to));
            int i = 5;
            for (String s : scope) {
                ps.setString(i++, s);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                BigDecimal q = rs.getBigDecimal(1);
                BigDecimal a = rs.getBigDecimal(2);
                return q == null ? Totals.ZERO : new Totals(q, a);
            }
        }
    }

    private static String placeholders(int n) {
        return String.join(",", java.util.Collections.nCopies(n, "?"));
    }
}
