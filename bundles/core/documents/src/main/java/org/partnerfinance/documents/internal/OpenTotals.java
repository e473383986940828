package org.partnerfinance.documents.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Locale;

import jakarta.persistence.EntityManager;

import org.partnerfinance.documents.api.DocumentValidationException;

/**
 * Keeps {@code doc_open_total}: gross and open amounts per partner, currency, direction, kind, issue date and due date.
 * Changed in the caller's unit of work, on the same connection, by plain JDBC: two documents of one partner and day
 * recorded at once both add to the same row, which needs an upsert that a concurrent insert cannot break (PostgreSQL:
 * {@code ON CONFLICT}; Derby: update, else insert, else, when a concurrent transaction inserted the row first, update
 * again — a failed statement does not end a Derby transaction).
 */
final class OpenTotals {

    private static final String UPDATE = "UPDATE doc_open_total SET gross = gross + ?, open_amount = open_amount + ? "
            + "WHERE partner_id = ? AND currency = ? AND direction = ? AND kind = ? AND issue_date = ? AND due_date = ?";
    private static final String INSERT = "INSERT INTO doc_open_total (gross, open_amount, partner_id, currency, "
            + "direction, kind, issue_date, due_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String UPSERT = INSERT + " ON CONFLICT (partner_id, currency, direction, kind, issue_date, "
            + "due_date) DO UPDATE SET gross = doc_open_total.gross + EXCLUDED.gross, "
            + "open_amount = doc_open_total.open_amount + EXCLUDED.open_amount";

    private OpenTotals() {
    }

    /** Adds a new document: its gross, all of it open. */
    static void added(EntityManager em, DocumentEntity d) {
        change(em, d, d.getGross(), d.getGross());
    }

    /** Deducts an effective allocation from the document's open amount. */
    static void settled(EntityManager em, DocumentEntity d, BigDecimal amount) {
        change(em, d, BigDecimal.ZERO, amount.negate());
    }

    private static void change(EntityManager em, DocumentEntity d, BigDecimal gross, BigDecimal open) {
        Connection c = em.unwrap(Connection.class);
        try {
            if (isPostgres(c)) {
                run(c, UPSERT, d, gross, open);
                return;
            }
            if (run(c, UPDATE, d, gross, open) > 0) {
                return;
            }
            try {
                run(c, INSERT, d, gross, open);
            } catch (SQLException e) {
                if (!DbErrors.isUniqueViolation(e)) {
                    throw e;
                }
                run(c, UPDATE, d, gross, open);
            }
        } catch (SQLException e) {
            throw new org.partnerfinance.persistence.api.PersistenceException("The open totals of partner "
                    + d.getPartnerId() + " could not be updated: " + e.getMessage(), e);
        }
    }

    private static boolean isPostgres(Connection c) throws SQLException {
        return c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
    }

    private static int run(Connection c, String sql, DocumentEntity d, BigDecimal gross, BigDecimal open)
            throws SQLException {
        if (d.getIssueDate() == null || d.getDueDate() == null) {
            throw new DocumentValidationException("issueDate", "The document has no dates.");
        }
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setBigDecimal(1, gross);
            s.setBigDecimal(2, open);
            s.setString(3, d.getPartnerId());
            s.setString(4, d.getCurrency());
            s.setString(5, d.getDirection().name());
            s.setString(6, d.getKind().name());
            s.setDate(7, Date.valueOf(d.getIssueDate()));
            s.setDate(8, Date.valueOf(d.getDueDate()));
            return s.executeUpdate();
        }
    }
}
