package org.partnerfinance.documents.internal;

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
import org.partnerfinance.persistence.api.PersistenceException;

/**
 * The effective allocations of one partner dated after a day, summed by what they settled, for the aging of one
 * partner's statement (the same sums as the finance-wide JPQL queries of {@link StatementServiceImpl}, restricted to
 * the partner). Read by plain JDBC on the unit of work's connection so that the join can be steered: left to itself,
 * Derby hashes every payment (or document) of the partner booked by the day and spills the hash table to disk, which
 * for a partner with tens of thousands of payments costs more than the whole statement; a handful of allocations
 * after the day, each finding its payment or document by primary key, costs almost nothing. The
 * {@code --DERBY-PROPERTIES} comments are Derby's optimizer overrides; PostgreSQL reads them as comments.
 */
final class LaterAllocations {

    private static final String DOCUMENT_JOIN = "FROM --DERBY-PROPERTIES joinOrder=FIXED\n"
            + "doc_allocation a --DERBY-PROPERTIES index=doc_allocation_partner_ix\n"
            + ", doc_document d --DERBY-PROPERTIES joinStrategy=NESTEDLOOP, constraint=doc_document_pk\n";

    /** Allocations after the day had not yet reduced the document they settled ... */
    private static final String SETTLED = "SELECT d.direction, d.kind, d.due_date, SUM(a.amount) " + DOCUMENT_JOIN
            + "WHERE a.partner_id = ? AND a.currency = ? AND a.alloc_date > ? AND a.effective = TRUE "
            + "AND a.document_id = d.id AND d.issue_date <= ?";

    /** ... nor the credit note that settled it ... */
    private static final String CREDITED = "SELECT d.direction, d.kind, d.due_date, SUM(a.amount) " + DOCUMENT_JOIN
            + "WHERE a.partner_id = ? AND a.currency = ? AND a.alloc_date > ? "
            + "AND a.credit_note_id = d.id AND d.issue_date <= ?";

    /** ... nor the confirmed payment that settled it (booked by the day: later ones are not in the aging at all). */
    private static final String APPLIED = "SELECT p.direction, SUM(a.amount) FROM --DERBY-PROPERTIES joinOrder=FIXED\n"
            + "doc_allocation a --DERBY-PROPERTIES index=doc_allocation_partner_ix\n"
            + ", doc_payment p --DERBY-PROPERTIES joinStrategy=NESTEDLOOP, constraint=doc_payment_pk\n"
            + "WHERE a.partner_id = ? AND a.currency = ? AND a.alloc_date > ? AND a.effective = TRUE "
            + "AND a.payment_id = p.id AND p.booking_date <= ?";

    private LaterAllocations() {
    }

    /**
     * Rows {partner, direction, kind, due date, amount} of the effective payment allocations after {@code asOf} by
     * the documents (issued by {@code asOf}) they settled.
     */
    static List<Object[]> settled(EntityManager em, String partnerId, String currency, LocalDate asOf,
            Direction direction) {
        return documents(em, SETTLED, partnerId, currency, asOf, direction);
    }

    /** Rows {partner, direction, kind, due date, amount} of credit note allocations after {@code asOf}, by note. */
    static List<Object[]> credited(EntityManager em, String partnerId, String currency, LocalDate asOf,
            Direction direction) {
        return documents(em, CREDITED, partnerId, currency, asOf, direction);
    }

    /** Rows {partner, direction, amount} of allocations after {@code asOf} of payments booked by {@code asOf}. */
    static List<Object[]> applied(EntityManager em, String partnerId, String currency, LocalDate asOf,
            Direction direction) {
        String sql = APPLIED + (direction == null ? "" : " AND p.direction = ?") + " GROUP BY p.direction";
        List<Object[]> rows = new ArrayList<>();
        try (PreparedStatement s = prepare(em, sql, partnerId, currency, asOf, direction);
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                rows.add(new Object[] {partnerId, Direction.valueOf(rs.getString(1)), rs.getBigDecimal(2)});
            }
        } catch (SQLException e) {
            throw failed(partnerId, e);
        }
        return rows;
    }

    private static List<Object[]> documents(EntityManager em, String query, String partnerId, String currency,
            LocalDate asOf, Direction direction) {
        String sql = query + (direction == null ? "" : " AND d.direction = ?")
                + " GROUP BY d.direction, d.kind, d.due_date";
        List<Object[]> rows = new ArrayList<>();
        try (PreparedStatement s = prepare(em, sql, partnerId, currency, asOf, direction);
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                rows.add(new Object[] {partnerId, Direction.valueOf(rs.getString(1)),
                    DocumentKind.valueOf(rs.getString(2)), rs.getDate(3).toLocalDate(), rs.getBigDecimal(4)});
            }
        } catch (SQLException e) {
            throw failed(partnerId, e);
        }
        return rows;
    }

    private static PreparedStatement prepare(EntityManager em, String sql, String partnerId, String currency,
            LocalDate asOf, Direction direction) throws SQLException {
        PreparedStatement s = em.unwrap(Connection.class).prepareStatement(sql);
        try {
            Date day = Date.valueOf(asOf);
            s.setString(1, partnerId);
            s.setString(2, currency);
            s.setDate(3, day);
            s.setDate(4, day);
            if (direction != null) {
                s.setString(5, direction.name());
            }
            return s;
        } catch (SQLException e) {
            s.close();
            throw e;
        }
    }

    private static PersistenceException failed(String partnerId, SQLException e) {
        return new PersistenceException("The allocations of partner " + partnerId + " could not be read: "
                + e.getMessage(), e);
    }
}
