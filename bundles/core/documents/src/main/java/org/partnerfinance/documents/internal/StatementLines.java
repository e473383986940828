package org.partnerfinance.documents.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.EntityManager;

import org.partnerfinance.documents.api.Direction;
import org.partnerfinance.documents.api.DocumentKind;
import org.partnerfinance.documents.api.PaymentStatus;
import org.partnerfinance.documents.api.StatementLine;
import org.partnerfinance.persistence.api.PersistenceException;

/**
 * A statement's movements with their running balance, read by plain JDBC on the unit of work's connection (as
 * {@link OpenTotals} and {@link ListCounts} do). A partner with a busy year has tens of thousands of movements: read
 * through JPQL, EclipseLink builds an object array per row and converts every value through its own mappings, which
 * cost more than the index scan that finds them. Documents come from the covering index
 * {@code doc_document_lines_ix} in (issue date, id) order, confirmed payments in (booking date, id) order; the two
 * sorted streams are merged (on one day documents before payments, then by id) while the running balance is kept,
 * so no intermediate rows are built and nothing is sorted in memory.
 */
final class StatementLines {

    private static final String DOCUMENTS = "SELECT id, issue_date, direction, kind, doc_number, gross "
            + "FROM doc_document WHERE partner_id = ? AND currency = ? AND issue_date >= ? AND issue_date <= ? "
            + "ORDER BY issue_date, id";
    private static final String PAYMENTS = "SELECT id, booking_date, direction, end_to_end_id, bank_reference, "
            + "amount FROM doc_payment WHERE partner_id = ? AND currency = ? AND status = ? AND booking_date >= ? "
            + "AND booking_date <= ? ORDER BY booking_date, id";

    private StatementLines() {
    }

    /**
     * The movements of a partner in a currency from {@code from} to {@code to} (both included), each with the
     * balance after it starting from {@code opening}, amounts at the currency's {@code scale}.
     * The last line's balance is the closing balance.
     */
    static List<StatementLine> read(EntityManager em, String partnerId, String currency, LocalDate from,
            LocalDate to, BigDecimal opening, int scale) {
        Connection c = em.unwrap(Connection.class);
        try {
            List<Payment> payments = payments(c, partnerId, currency, from, to);
            List<StatementLine> lines = new ArrayList<>();
            BigDecimal zero = BigDecimal.ZERO.setScale(scale, RoundingMode.UNNECESSARY);
            BigDecimal balance = opening;
            int next = 0;
            try (PreparedStatement s = c.prepareStatement(DOCUMENTS)) {
                s.setString(1, partnerId);
                s.setString(2, currency);
                s.setDate(3, Date.valueOf(from));
                s.setDate(4, Date.valueOf(to));
                s.setFetchSize(1000);
                try (ResultSet rs = s.executeQuery()) {
                    Date lastSqlDate = null;
                    LocalDate date = null;
                    while (rs.next()) {
                        long id = rs.getLong(1);
                        Date sqlDate = rs.getDate(2);
                        if (!sqlDate.equals(lastSqlDate)) {
                            // documents arrive by date: one conversion per day, not per row
                            lastSqlDate = sqlDate;
                            date = sqlDate.toLocalDate();
                        }
                        // payments of earlier days come first; on the same day documents come first
                        while (next < payments.size() && payments.get(next).date().isBefore(date)) {
                            balance = payments.get(next++).append(lines, balance, zero, scale);
                        }
                        Direction direction = direction(rs.getString(3));
                        DocumentKind kind = kind(rs.getString(4));
                        BigDecimal signed = StatementServiceImpl.signed(direction, kind, rs.getBigDecimal(6));
                        balance = balance.add(signed);
                        lines.add(new StatementLine(date, kind == DocumentKind.INVOICE ? "invoice" : "credit-note",
                                direction, rs.getString(5), signed.signum() > 0 ? scaled(signed, scale) : zero,
                                signed.signum() < 0 ? scaled(signed.negate(), scale) : zero, scaled(balance, scale),
                                id, null));
                    }
                }
            }
            while (next < payments.size()) {
                balance = payments.get(next++).append(lines, balance, zero, scale);
            }
            return lines;
        } catch (SQLException e) {
            throw new PersistenceException("The statement of partner " + partnerId + " could not be read: "
                    + e.getMessage(), e);
        }
    }

    private static List<Payment> payments(Connection c, String partnerId, String currency, LocalDate from,
            LocalDate to) throws SQLException {
        List<Payment> payments = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(PAYMENTS)) {
            s.setString(1, partnerId);
            s.setString(2, currency);
            s.setString(3, PaymentStatus.CONFIRMED.name());
            s.setDate(4, Date.valueOf(from));
            s.setDate(5, Date.valueOf(to));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    String endToEnd = rs.getString(4);
                    String bank = rs.getString(5);
                    Direction direction = direction(rs.getString(3));
                    payments.add(new Payment(id, rs.getDate(2).toLocalDate(), direction,
                            endToEnd != null ? endToEnd : bank != null ? bank : "PAY-" + id,
                            StatementServiceImpl.signedPayment(direction, rs.getBigDecimal(6))));
                }
            }
        }
        return payments;
    }

    private static Direction direction(String stored) {
        return Direction.RECEIVABLE.name().equals(stored) ? Direction.RECEIVABLE : Direction.valueOf(stored);
    }

    private static DocumentKind kind(String stored) {
        return DocumentKind.INVOICE.name().equals(stored) ? DocumentKind.INVOICE : DocumentKind.valueOf(stored);
    }

    private static BigDecimal scaled(BigDecimal value, int scale) {
        return value.setScale(scale, RoundingMode.UNNECESSARY);
    }

    private record Payment(long id, LocalDate date, Direction direction, String reference, BigDecimal signed) {

        BigDecimal append(List<StatementLine> lines, BigDecimal balance, BigDecimal zero, int scale) {
            BigDecimal after = balance.add(signed);
            lines.add(new StatementLine(date, direction == Direction.RECEIVABLE ? "payment-received" : "payment-sent",
                    direction, reference, signed.signum() > 0 ? scaled(signed, scale) : zero,
                    signed.signum() < 0 ? scaled(signed.negate(), scale) : zero, scaled(after, scale), null, id));
            return after;
        }
    }
}
