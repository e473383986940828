package org.partnerfinance.connectors.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.partnerfinance.connectors.api.ExportRun;
import org.partnerfinance.ledger.api.Money;

/** Export runs, their payments and files, in plain JDBC on the connection of the current unit of work. */
final class ExportStore {

    private static final String COLUMNS = "export_id, connector_id, message_id, file_name, content_type, sha256, "
            + "bytes_written, created_by, created_at, totals";

    private ExportStore() {
    }

    /** Reserves a run's id (the message id is made from it); {@link #complete} fills in the rest. */
    static long reserve(Connection c, String connectorId, String createdBy, Instant createdAt) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO connector_export (connector_id, message_id, "
                + "file_name, content_type, sha256, bytes_written, payments, totals, created_by, created_at, content) "
                + "VALUES (?, '', '', '', '', 0, 0, '', ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            s.setString(1, connectorId);
            s.setString(2, createdBy);
            s.setString(3, createdAt.toString());
            s.setBytes(4, new byte[0]);
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("The database returned no id for the new export");
                }
                return keys.getLong(1);
            }
        }
    }

    static void complete(Connection c, ExportRun run, byte[] content) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE connector_export SET message_id = ?, file_name = ?, "
                + "content_type = ?, sha256 = ?, bytes_written = ?, payments = ?, totals = ?, content = ? "
                + "WHERE export_id = ?")) {
            s.setString(1, run.messageId());
            s.setString(2, RunStore.clip(run.fileName(), 255));
            s.setString(3, RunStore.clip(run.contentType(), 100));
            s.setString(4, run.sha256());
            s.setLong(5, run.bytes());
            s.setInt(6, run.count());
            s.setString(7, RunStore.clip(totals(run.totals()), 1000));
            s.setBytes(8, content);
            s.setLong(9, run.id());
            if (s.executeUpdate() != 1) {
                throw new SQLException("Export " + run.id() + " is not in the database");
            }
        }
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO connector_export_payment (export_id, seq_no, payment_id) VALUES (?, ?, ?)")) {
            int position = 0;
            for (long paymentId : run.paymentIds()) {
                s.setLong(1, run.id());
                s.setInt(2, ++position);
                s.setLong(3, paymentId);
                s.addBatch();
            }
            if (!run.paymentIds().isEmpty()) {
                s.executeBatch();
            }
        }
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO connector_export_document (export_id, seq_no, document_id) VALUES (?, ?, ?)")) {
            int position = 0;
            for (long documentId : run.documentIds()) {
                s.setLong(1, run.id());
                s.setInt(2, ++position);
                s.setLong(3, documentId);
                s.addBatch();
            }
            if (!run.documentIds().isEmpty()) {
                s.executeBatch();
            }
        }
    }

    static Optional<ExportRun> find(Connection c, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM connector_export "
                + "WHERE export_id = ? AND message_id <> ''")) {
            s.setLong(1, id);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(run(c, r)) : Optional.empty();
            }
        }
    }

    static List<ExportRun> recent(Connection c, String connectorId, int limit) throws SQLException {
        String sql = "SELECT " + COLUMNS + " FROM connector_export WHERE message_id <> ''"
                + (connectorId == null ? "" : " AND connector_id = ?") + " ORDER BY export_id DESC";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setMaxRows(limit);
            if (connectorId != null) {
                s.setString(1, connectorId);
            }
            List<ExportRun> runs = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next() && runs.size() < limit) {
                    runs.add(run(c, r));
                }
            }
            return runs;
        }
    }

    static Optional<ExportRun.ExportFile> file(Connection c, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT file_name, content_type, content FROM connector_export "
                + "WHERE export_id = ? AND message_id <> ''")) {
            s.setLong(1, id);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(new ExportRun.ExportFile(r.getString(1), r.getString(2),
                        r.getBytes(3))) : Optional.empty();
            }
        }
    }

    private static ExportRun run(Connection c, ResultSet r) throws SQLException {
        long id = r.getLong("export_id");
        return new ExportRun(id, r.getString("connector_id"), r.getString("message_id"), r.getString("file_name"),
                r.getString("content_type"), r.getString("sha256"), r.getLong("bytes_written"),
                r.getString("created_by"), Instant.parse(r.getString("created_at")),
                ids(c, "SELECT payment_id FROM connector_export_payment WHERE export_id = ? ORDER BY seq_no", id),
                parseTotals(r.getString("totals")),
                ids(c, "SELECT document_id FROM connector_export_document WHERE export_id = ? ORDER BY seq_no", id));
    }

    private static List<Long> ids(Connection c, String sql, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, id);
            List<Long> list = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    list.add(r.getLong(1));
                }
            }
            return list;
        }
    }

    /** Totals as stored: {@code EUR 1200.00;USD 35.50}. */
    static String totals(List<Money> totals) {
        return String.join(";", totals.stream()
                .map(m -> m.currency().getCurrencyCode() + " " + m.amount().toPlainString()).toList());
    }

    static List<Money> parseTotals(String text) {
        List<Money> list = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return list;
        }
        for (String part : text.split(";")) {
            String[] codeAndAmount = part.strip().split(" ", 2);
            list.add(Money.of(codeAndAmount[1], codeAndAmount[0]));
        }
        return list;
    }
}
