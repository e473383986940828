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

import org.partnerfinance.connectors.api.ImportRun;
import org.partnerfinance.connectors.api.RunStatus;

/**
 * Runs, their rejections and the items connectors created, in plain JDBC on the connection of the current unit of
 * work.
 */
final class RunStore {

    /** Rejections kept per run; the count beyond is kept in the run. */
    static final int MAX_REJECTIONS = 1000;

    private static final String RUN_COLUMNS = "run_id, connector_id, status, file_name, sha256, bytes_read, "
            + "started_by, started_at, finished_at, documents, created, duplicates, rejected, failure";

    private RunStore() {
    }

    /** A connector's record of a document it created, by its external id. */
    record Item(String connectorId, String externalId, String contentHash, String kind, long targetId) {
    }

    static long insertRun(Connection c, String connectorId, String fileName, String startedBy, Instant startedAt)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO connector_run (connector_id, status, file_name, "
                + "bytes_read, started_by, started_at, documents, created, duplicates, rejected) "
                + "VALUES (?, ?, ?, 0, ?, ?, 0, 0, 0, 0)", Statement.RETURN_GENERATED_KEYS)) {
            s.setString(1, connectorId);
            s.setString(2, RunStatus.RUNNING.name());
            s.setString(3, fileName);
            s.setString(4, startedBy);
            s.setString(5, startedAt.toString());
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("The database returned no id for the new run");
                }
                return keys.getLong(1);
            }
        }
    }

    /** Completes (or fails) a run with its figures and its first {@link #MAX_REJECTIONS} rejections. */
    static void finishRun(Connection c, ImportRun run, long rejectedCount) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE connector_run SET status = ?, sha256 = ?, bytes_read = ?, "
                + "finished_at = ?, documents = ?, created = ?, duplicates = ?, rejected = ?, failure = ? "
                + "WHERE run_id = ?")) {
            s.setString(1, run.status().name());
            s.setString(2, run.sha256());
            s.setLong(3, run.bytes());
            s.setString(4, run.finishedAt() == null ? null : run.finishedAt().toString());
            s.setLong(5, run.documents());
            s.setLong(6, run.created());
            s.setLong(7, run.duplicates());
            s.setLong(8, rejectedCount);
            s.setString(9, run.failure());
            s.setLong(10, run.id());
            if (s.executeUpdate() != 1) {
                throw new SQLException("Run " + run.id() + " is not in the database");
            }
        }
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO connector_rejection (run_id, seq_no, document, reason) VALUES (?, ?, ?, ?)")) {
            int position = 0;
            for (ImportRun.Rejection rejection : run.rejected()) {
                s.setLong(1, run.id());
                s.setInt(2, ++position);
                s.setString(3, clip(rejection.document(), 255));
                s.setString(4, clip(rejection.reason(), 1000));
                s.addBatch();
            }
            if (position > 0) {
                s.executeBatch();
            }
        }
    }

    /** Marks runs left RUNNING by a stop or crash as failed; returns how many. */
    static int failInterrupted(Connection c, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE connector_run SET status = ?, finished_at = ?, "
                + "failure = ? WHERE status = ?")) {
            s.setString(1, RunStatus.FAILED.name());
            s.setString(2, now.toString());
            s.setString(3, "The run was interrupted: the portal stopped while it was reading the file. Documents "
                    + "stored before stay; import the file again to complete it (what is there is reported as "
                    + "duplicates).");
            s.setString(4, RunStatus.RUNNING.name());
            return s.executeUpdate();
        }
    }

    static Optional<ImportRun> findRun(Connection c, long runId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + RUN_COLUMNS + " FROM connector_run WHERE run_id = ?")) {
            s.setLong(1, runId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(run(c, r)) : Optional.empty();
            }
        }
    }

    static List<ImportRun> recentRuns(Connection c, String connectorId, int limit) throws SQLException {
        String sql = "SELECT " + RUN_COLUMNS + " FROM connector_run"
                + (connectorId == null ? "" : " WHERE connector_id = ?") + " ORDER BY run_id DESC";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setMaxRows(limit);
            if (connectorId != null) {
                s.setString(1, connectorId);
            }
            List<ImportRun> runs = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next() && runs.size() < limit) {
                    runs.add(run(c, r));
                }
            }
            return runs;
        }
    }

    private static ImportRun run(Connection c, ResultSet r) throws SQLException {
        long id = r.getLong("run_id");
        String finished = r.getString("finished_at");
        return new ImportRun(id, r.getString("connector_id"), RunStatus.valueOf(r.getString("status")),
                r.getString("file_name"), r.getString("sha256"), r.getLong("bytes_read"), r.getString("started_by"),
                Instant.parse(r.getString("started_at")), finished == null ? null : Instant.parse(finished),
                r.getLong("documents"), r.getLong("created"), r.getLong("duplicates"), rejections(c, id),
                r.getString("failure"));
    }

    private static List<ImportRun.Rejection> rejections(Connection c, long runId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT document, reason FROM connector_rejection WHERE run_id = ? ORDER BY seq_no")) {
            s.setLong(1, runId);
            List<ImportRun.Rejection> list = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    list.add(new ImportRun.Rejection(r.getString(1), r.getString(2)));
                }
            }
            return list;
        }
    }

    static Optional<Item> findItem(Connection c, String connectorId, String externalId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT content_hash, kind, target_id FROM connector_item "
                + "WHERE connector_id = ? AND external_id = ?")) {
            s.setString(1, connectorId);
            s.setString(2, externalId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(new Item(connectorId, externalId, r.getString(1), r.getString(2),
                        r.getLong(3))) : Optional.empty();
            }
        }
    }

    static void insertItem(Connection c, Item item, long runId, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO connector_item (connector_id, external_id, "
                + "content_hash, kind, target_id, run_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, item.connectorId());
            s.setString(2, item.externalId());
            s.setString(3, item.contentHash());
            s.setString(4, item.kind());
            s.setLong(5, item.targetId());
            s.setLong(6, runId);
            s.setString(7, now.toString());
            s.executeUpdate();
        }
    }

    static void insertOriginal(Connection c, String connectorId, String externalId, String fileName,
            String contentType, byte[] content) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO connector_original (connector_id, external_id, "
                + "file_name, content_type, content) VALUES (?, ?, ?, ?, ?)")) {
            s.setString(1, connectorId);
            s.setString(2, externalId);
            s.setString(3, clip(fileName, 255));
            s.setString(4, clip(contentType, 100));
            s.setBytes(5, content);
            s.executeUpdate();
        }
    }

    /** The original kept with the document a connector created (by its item record), if there is one. */
    static java.util.Optional<Originals.Stored> findOriginal(Connection c, long documentId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT o.file_name, o.content_type, o.content "
                + "FROM connector_original o JOIN connector_item i ON i.connector_id = o.connector_id "
                + "AND i.external_id = o.external_id WHERE i.kind = ? AND i.target_id = ?")) {
            s.setString(1, RunSink.DOCUMENT);
            s.setLong(2, documentId);
            try (java.sql.ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return java.util.Optional.empty();
                }
                return java.util.Optional.of(new Originals.Stored(r.getString(1), r.getString(2), r.getBytes(3)));
            }
        }
    }

    static String clip(String text, int max) {
        if (text == null) {
            return "";
        }
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
