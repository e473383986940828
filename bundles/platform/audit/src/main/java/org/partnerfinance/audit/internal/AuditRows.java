package org.partnerfinance.audit.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.EntityManager;

import org.partnerfinance.audit.api.AuditEvent;
import org.partnerfinance.audit.api.AuditRecord;
import org.partnerfinance.audit.api.SignedTreeHead;

/**
 * Plain JDBC on the unit of work's connection for what the trail reads in bulk: a full verification streams every
 * record, and building an entity per record would cost more than hashing it. Statements run on the connection the
 * EntityManager holds, inside its transaction; the connection is not closed here.
 */
final class AuditRows {

    /** Sequence numbers covered per query while streaming: keyset pages, so no query holds the whole trail. */
    static final long PAGE = 20_000;

    private static final String SELECT_RANGE = "SELECT seq, recorded_at, actor, action, entity_type, entity_id, "
            + "before_state, after_state, prev_hash, hash FROM audit_record WHERE seq > ? AND seq <= ? ORDER BY seq";

    private AuditRows() {
    }

    /** A stored record's columns, as stored. */
    interface RowSink {
        void row(long seq, String time, String actor, String action, String entityType, String entityId,
                String before, String after, String previousHash, String hash);
    }

    static Connection connection(EntityManager em) {
        Connection c = em.unwrap(Connection.class);
        if (c == null) {
            throw new IllegalStateException("The audit trail reads records inside a transaction only");
        }
        return c;
    }

    /** Feeds the records with {@code after < seq <= last} in sequence order, page by page. */
    static void scan(EntityManager em, long after, long last, RowSink sink) {
        Connection c = connection(em);
        try (PreparedStatement ps = c.prepareStatement(SELECT_RANGE)) {
            ps.setFetchSize(1000);
            for (long from = after; from < last; ) {
                long to = Math.min(last, from + PAGE);
                ps.setLong(1, from);
                ps.setLong(2, to);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        sink.row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                                rs.getString(10));
                    }
                }
                from = to;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the audit records: " + e.getMessage(), e);
        }
    }

    /**
     * Rows a full scan holds back while it waits for a lower sequence number; beyond this the scan continues in index
     * order instead.
     */
    static final int MAX_OUT_OF_ORDER = 10_000;

    private static final String SELECT_ALL = "SELECT seq, recorded_at, actor, action, entity_type, entity_id, "
            + "before_state, after_state, prev_hash, hash FROM audit_record";

    /**
     * Feeds every record with {@code 1 <= seq <= last} in sequence order, for a full verification. The table is read
     * in storage order (a plain table scan), which is more than twice as fast as reading it through the primary key's
     * index on Derby. Records are only ever inserted, one after another under the head's lock, so storage order is
     * sequence order; should it not be (a restored or tampered table), rows are held back until their predecessors
     * arrive, and past {@value #MAX_OUT_OF_ORDER} held rows (e.g. a deleted record) the rest is read in index order.
     * Either way the sink sees ascending sequence numbers, and a missing record shows as a gap.
     */
    static void scanAll(EntityManager em, long last, RowSink sink) {
        Connection c = connection(em);
        java.util.TreeMap<Long, String[]> held = new java.util.TreeMap<>();
        long next = 1;
        boolean overflow = false;
        try (Statement s = c.createStatement()) {
            s.setFetchSize(1000);
            try (ResultSet rs = s.executeQuery(SELECT_ALL)) {
                while (rs.next()) {
                    long seq = rs.getLong(1);
                    if (seq < next || seq > last) {
                        continue; // beyond the head (reported separately) or not a sequence number at all
                    }
                    if (seq == next && held.isEmpty()) {
                        sink.row(seq, rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                                rs.getString(10));
                        next++;
                        continue;
                    }
                    String[] row = new String[9];
                    for (int i = 0; i < 9; i++) {
                        row[i] = rs.getString(i + 2);
                    }
                    held.put(seq, row);
                    while (!held.isEmpty() && held.firstKey() == next) {
                        emit(sink, next, held.pollFirstEntry().getValue());
                        next++;
                    }
                    if (held.size() > MAX_OUT_OF_ORDER) {
                        overflow = true;
                        break;
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the audit records: " + e.getMessage(), e);
        }
        if (overflow) {
            scan(em, next - 1, last, sink);
            return;
        }
        for (java.util.Map.Entry<Long, String[]> e : held.entrySet()) {
            emit(sink, e.getKey(), e.getValue());
        }
    }

    private static void emit(RowSink sink, long seq, String[] r) {
        sink.row(seq, r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8]);
    }

    /** The canonical bytes of a row as stored (see {@link AuditChain#encode}). */
    static byte[] encode(long seq, String time, String actor, String action, String entityType, String entityId,
            String before, String after, String previousHash) {
        return AuditChain.encode(seq, time, actor, action, entityType, entityId, before, after, previousHash);
    }

    /** The head row's columns, as stored. */
    record Head(long lastSeq, String lastHash, String signature, String treeFrontier, String treeSignature) {
    }

    /**
     * Locks the head row and reads it. Updating the row first takes its write lock until the unit of work ends:
     * appenders queue here, so sequence numbers and hashes are assigned one after another.
     */
    static Head lockHead(EntityManager em) {
        Connection c = connection(em);
        try {
            try (PreparedStatement lock = c.prepareStatement(
                    "UPDATE audit_head SET last_seq = last_seq WHERE id = ?")) {
                lock.setInt(1, AuditHeadEntity.ID);
                if (lock.executeUpdate() != 1) {
                    throw new IllegalStateException("The audit trail has no head row.");
                }
            }
            try (PreparedStatement read = c.prepareStatement("SELECT last_seq, last_hash, signature, tree_frontier, "
                    + "tree_signature FROM audit_head WHERE id = ?")) {
                read.setInt(1, AuditHeadEntity.ID);
                try (ResultSet rs = read.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalStateException("The audit trail has no head row.");
                    }
                    return new Head(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot lock the head of the audit trail: " + e.getMessage(), e);
        }
    }

    /** Inserts a record, its columns as {@link AuditRecordEntity} maps them. */
    static void insertRecord(EntityManager em, AuditRecord record) {
        AuditEvent e = record.event();
        try (PreparedStatement ps = connection(em).prepareStatement("INSERT INTO audit_record (seq, recorded_at, "
                + "actor, action, entity_type, entity_id, before_state, after_state, prev_hash, hash) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, record.seq());
            ps.setString(2, AuditChain.formatTime(record.at()));
            ps.setString(3, e.actor());
            ps.setString(4, e.action());
            ps.setString(5, e.entityType());
            ps.setString(6, e.entityId());
            ps.setString(7, e.before());
            ps.setString(8, e.after());
            ps.setString(9, record.previousHash());
            ps.setString(10, record.hash());
            ps.executeUpdate();
        } catch (SQLException ex) {
            throw new IllegalStateException("Cannot store audit record " + record.seq() + ": " + ex.getMessage(), ex);
        }
    }

    /** Moves the head (locked by {@link #lockHead}) to a new record, with its signature and the tree's edge. */
    static void updateHead(EntityManager em, long seq, String hash, String signature, String treeFrontier,
            String treeSignature) {
        try (PreparedStatement ps = connection(em).prepareStatement("UPDATE audit_head SET last_seq = ?, "
                + "last_hash = ?, signature = ?, tree_frontier = ?, tree_signature = ? WHERE id = ?")) {
            ps.setLong(1, seq);
            ps.setString(2, hash);
            ps.setString(3, signature);
            ps.setString(4, treeFrontier);
            ps.setString(5, treeSignature);
            ps.setInt(6, AuditHeadEntity.ID);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot move the head of the audit trail: " + e.getMessage(), e);
        }
    }

    static void insertNode(EntityManager em, int level, long index, byte[] hash) {
        try (PreparedStatement ps = connection(em).prepareStatement(
                "INSERT INTO audit_tree_node (tree_level, node_index, hash) VALUES (?, ?, ?)")) {
            ps.setInt(1, level);
            ps.setLong(2, index);
            ps.setString(3, MerkleTree.hex(hash));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot store a Merkle tree node of the audit trail: " + e.getMessage(),
                    e);
        }
    }

    static void deleteNodes(EntityManager em) {
        try (PreparedStatement ps = connection(em).prepareStatement("DELETE FROM audit_tree_node")) {
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot rebuild the audit trail's Merkle tree: " + e.getMessage(), e);
        }
    }

    /** A stored subtree hash: one row of {@code audit_tree_node}. */
    record Node(int level, long index, String hash) {
    }

    static List<Node> nodes(EntityManager em) {
        List<Node> nodes = new ArrayList<>();
        try (PreparedStatement ps = connection(em).prepareStatement(
                "SELECT tree_level, node_index, hash FROM audit_tree_node");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                nodes.add(new Node(rs.getInt(1), rs.getLong(2), rs.getString(3)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the audit trail's Merkle tree: " + e.getMessage(), e);
        }
        return nodes;
    }

    static void insertTreeHead(EntityManager em, SignedTreeHead head) {
        try (PreparedStatement ps = connection(em).prepareStatement(
                "INSERT INTO audit_tree_head (tree_size, root_hash, signed_at, signature) VALUES (?, ?, ?, ?)")) {
            ps.setLong(1, head.treeSize());
            ps.setString(2, head.rootHash());
            ps.setString(3, AuditChain.formatTime(head.timestamp()));
            ps.setString(4, head.signature());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot store a signed tree head of the audit trail: " + e.getMessage(),
                    e);
        }
    }

    /** The signed tree head with the largest size of at least {@code minSize}, if any. */
    static Optional<StoredTreeHead> newestTreeHead(EntityManager em, long minSize) {
        List<StoredTreeHead> heads = treeHeads(em, "WHERE tree_size >= ? ORDER BY tree_size DESC", minSize, 1);
        return heads.stream().findFirst();
    }

    /** Every signed tree head, smallest first. */
    static List<StoredTreeHead> allTreeHeads(EntityManager em) {
        return treeHeads(em, "ORDER BY tree_size", null, 0);
    }

    /**
     * A stored tree head. {@code at} is the stored text: a head whose time does not even parse is reported as not
     * validly signed instead of failing the reader.
     */
    record StoredTreeHead(long treeSize, String rootHash, String at, String signature) {

        Optional<SignedTreeHead> parsed() {
            try {
                return Optional.of(new SignedTreeHead(treeSize, rootHash, AuditChain.parseTime(at), signature));
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        }
    }

    private static List<StoredTreeHead> treeHeads(EntityManager em, String where, Long param, int max) {
        List<StoredTreeHead> heads = new ArrayList<>();
        try (PreparedStatement ps = connection(em).prepareStatement(
                "SELECT tree_size, root_hash, signed_at, signature FROM audit_tree_head " + where)) {
            if (param != null) {
                ps.setLong(1, param);
            }
            ps.setMaxRows(max);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    heads.add(new StoredTreeHead(rs.getLong(1), rs.getString(2).trim(), rs.getString(3).trim(),
                            rs.getString(4).trim()));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the signed tree heads of the audit trail: " + e.getMessage(),
                    e);
        }
        return heads;
    }
}
