package org.partnerfinance.documents.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.EntityManager;

import org.partnerfinance.documents.api.Direction;
import org.partnerfinance.documents.api.DocumentKind;
import org.partnerfinance.documents.api.DocumentStatus;
import org.partnerfinance.persistence.api.PersistenceException;

/**
 * Keeps {@code doc_list_count}: how many documents there are per direction, kind and status, so that the list without
 * a partner gets its exact total from a few rows instead of counting a million documents. Changed in the caller's unit
 * of work, on the same connection, by plain JDBC (as {@link OpenTotals}): a rolled-back document or allocation takes
 * its count change with it. Every row exists from the migration on, so a change is an UPDATE that must find its row;
 * one that does not means the table was tampered with, and the unit of work fails rather than leave a wrong total.
 *
 * <p>Each direction, kind and status has {@value #SLOTS} rows and the total is their sum, so a row is a share, not a
 * count of particular documents (a document may be counted in one slot and moved to another status in another, and a
 * single row may go below zero). A unit of work changes the slot of its thread only: an update holds its row until the
 * commit, and a long unit of work (an import batch of hundreds of documents) would otherwise hold every row of
 * "receivable invoice, open" and make every concurrent writer wait for it, or deadlock with another batch that took the
 * rows in another order. Units of work on different threads seldom share a slot.
 */
final class ListCounts {

    /** Rows per direction, kind and status; the migration creates the same number. */
    static final int SLOTS = 16;

    private static final String UPDATE = "UPDATE doc_list_count SET documents = documents + ? "
            + "WHERE direction = ? AND kind = ? AND status = ? AND slot = ?";

    private ListCounts() {
    }

    /** Counts a new document (in its first status). */
    static void added(EntityManager em, DocumentEntity d) {
        change(em, d, d.getStatus(), 1);
    }

    /** Moves a document from one status to another; nothing when an allocation left the status as it was. */
    static void statusChanged(EntityManager em, DocumentEntity d, DocumentStatus before) {
        if (before == d.getStatus()) {
            return;
        }
        change(em, d, before, -1);
        change(em, d, d.getStatus(), 1);
    }

    /** The number of documents of the given direction, kind and status; {@code null} is any. */
    static long count(EntityManager em, Direction direction, DocumentKind kind, DocumentStatus status) {
        StringBuilder sql = new StringBuilder("SELECT SUM(documents) FROM doc_list_count WHERE 1 = 1");
        List<String> values = new ArrayList<>();
        if (direction != null) {
            sql.append(" AND direction = ?");
            values.add(direction.name());
        }
        if (kind != null) {
            sql.append(" AND kind = ?");
            values.add(kind.name());
        }
        if (status != null) {
            sql.append(" AND status = ?");
            values.add(status.name());
        }
        Connection c = em.unwrap(Connection.class);
        try (PreparedStatement s = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < values.size(); i++) {
                s.setString(i + 1, values.get(i));
            }
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw new PersistenceException("The document counts could not be read: " + e.getMessage(), e);
        }
    }

    private static void change(EntityManager em, DocumentEntity d, DocumentStatus status, int delta) {
        Connection c = em.unwrap(Connection.class);
        try (PreparedStatement s = c.prepareStatement(UPDATE)) {
            s.setLong(1, delta);
            s.setString(2, d.getDirection().name());
            s.setString(3, d.getKind().name());
            s.setString(4, status.name());
            s.setInt(5, (int) Math.floorMod(Thread.currentThread().getId(), (long) SLOTS));
            if (s.executeUpdate() != 1) {
                throw new PersistenceException("The document counts have no row for " + d.getDirection() + " "
                        + d.getKind() + " " + status + ": the doc_list_count table is incomplete.");
            }
        } catch (SQLException e) {
            throw new PersistenceException("The document counts could not be updated for document "
                    + d.getNumber() + ": " + e.getMessage(), e);
        }
    }
}
