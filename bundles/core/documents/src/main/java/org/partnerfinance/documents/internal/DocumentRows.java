package org.partnerfinance.documents.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

import jakarta.persistence.EntityManager;

import org.partnerfinance.documents.api.DocumentLine;
import org.partnerfinance.documents.api.TaxTotal;
import org.partnerfinance.persistence.api.PersistenceException;

/**
 * Inserts a new document's lines and tax groups by plain JDBC on the unit of work's connection, several rows per
 * statement. They are written once and never changed, so the entity manager's change tracking and one insert per row
 * buy nothing on this path (an import stores them for every document); the same columns as {@link LineEntity} and
 * {@link TaxEntity}, which reads keep using.
 */
final class DocumentRows {

    /** Rows per insert statement: bounds the number of distinct statements the database compiles and caches. */
    static final int ROWS_PER_INSERT = 8;

    private static final String[] LINE_INSERTS = inserts("INSERT INTO doc_line (document_id, line_no, description, "
            + "quantity, unit_price, tax_category, tax_rate, net, account) VALUES ", 9);
    private static final String[] TAX_INSERTS = inserts("INSERT INTO doc_tax (document_id, position_no, "
            + "tax_category, tax_rate, taxable, tax) VALUES ", 6);

    private DocumentRows() {
    }

    private static String[] inserts(String head, int columns) {
        String row = "(" + String.join(", ", java.util.Collections.nCopies(columns, "?")) + ")";
        String[] inserts = new String[ROWS_PER_INSERT + 1];
        for (int rows = 1; rows <= ROWS_PER_INSERT; rows++) {
            inserts[rows] = head + String.join(", ", java.util.Collections.nCopies(rows, row));
        }
        return inserts;
    }

    /** Inserts the lines of document {@code documentId}, numbered as they are. */
    static void insertLines(EntityManager em, long documentId, List<DocumentLine> lines) {
        Connection c = connection(em);
        for (int from = 0; from < lines.size(); from += ROWS_PER_INSERT) {
            List<DocumentLine> rows = lines.subList(from, Math.min(lines.size(), from + ROWS_PER_INSERT));
            try (PreparedStatement s = c.prepareStatement(LINE_INSERTS[rows.size()])) {
                int p = 1;
                for (DocumentLine l : rows) {
                    s.setLong(p++, documentId);
                    s.setInt(p++, l.lineNo());
                    s.setString(p++, l.description());
                    s.setBigDecimal(p++, l.quantity());
                    s.setBigDecimal(p++, l.unitPrice());
                    s.setString(p++, l.taxCategory());
                    s.setBigDecimal(p++, l.taxRate());
                    s.setBigDecimal(p++, l.net().amount());
                    if (l.account() == null) {
                        s.setNull(p++, Types.VARCHAR);
                    } else {
                        s.setString(p++, l.account());
                    }
                }
                s.executeUpdate();
            } catch (SQLException e) {
                throw new PersistenceException("The lines of document " + documentId + " could not be stored: "
                        + e.getMessage(), e);
            }
        }
    }

    /** Inserts the tax groups of document {@code documentId}, at positions 1, 2, ... in their order. */
    static void insertTaxes(EntityManager em, long documentId, List<TaxTotal> taxes) {
        Connection c = connection(em);
        int position = 0;
        for (int from = 0; from < taxes.size(); from += ROWS_PER_INSERT) {
            List<TaxTotal> rows = taxes.subList(from, Math.min(taxes.size(), from + ROWS_PER_INSERT));
            try (PreparedStatement s = c.prepareStatement(TAX_INSERTS[rows.size()])) {
                int p = 1;
                for (TaxTotal t : rows) {
                    s.setLong(p++, documentId);
                    s.setInt(p++, ++position);
                    s.setString(p++, t.category());
                    s.setBigDecimal(p++, t.rate());
                    s.setBigDecimal(p++, t.taxable().amount());
                    s.setBigDecimal(p++, t.tax().amount());
                }
                s.executeUpdate();
            } catch (SQLException e) {
                throw new PersistenceException("The taxes of document " + documentId + " could not be stored: "
                        + e.getMessage(), e);
            }
        }
    }

    private static Connection connection(EntityManager em) {
        Connection c = em.unwrap(Connection.class);
        if (c == null) {
            throw new IllegalStateException("Documents are stored only inside a transaction.");
        }
        return c;
    }
}
