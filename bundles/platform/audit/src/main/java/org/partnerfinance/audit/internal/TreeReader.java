package org.partnerfinance.audit.internal;

import java.security.MessageDigest;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;

/**
 * Computes audit paths in the stored Merkle tree of the first {@code size} records without reading the whole trail:
 * complete subtrees of 2^{@value AuditTrailImpl#NODE_LEVEL} records and more come from {@code audit_tree_node}, only
 * the rest is hashed from records, read one aligned run of 256 at a time (for a proof: the run holding the record and
 * the incomplete run at the tree's right edge). One instance serves one transaction.
 */
final class TreeReader {

    private static final long BLOCK = 1L << AuditTrailImpl.NODE_LEVEL;

    private final EntityManager em;
    private final long size;
    private final Map<Long, byte[]> leaves = new HashMap<>();
    private final MessageDigest sha = MerkleTree.sha256();
    private int nodeReads;
    private int blockReads;

    TreeReader(EntityManager em, long size) {
        this.em = em;
        this.size = size;
    }

    /** PATH(m, D[0:size]) of RFC 6962: sibling hashes from the leaf up. */
    List<byte[]> path(long m) {
        if (m < 0 || m >= size) {
            throw new IllegalArgumentException("leaf " + m + " is not in a tree of " + size);
        }
        List<byte[]> out = new ArrayList<>();
        path(m, 0, size, out);
        return out;
    }

    private void path(long m, long from, long to, List<byte[]> out) {
        long n = to - from;
        if (n <= 1) {
            return;
        }
        long k = MerkleTree.split(n);
        if (m < k) {
            path(m, from, from + k, out);
            out.add(subtree(from + k, to));
        } else {
            path(m - k, from + k, to, out);
            out.add(subtree(from, from + k));
        }
    }

    /** MTH(D[from:to]). */
    byte[] subtree(long from, long to) {
        long n = to - from;
        if (n == 1) {
            return leaf(from);
        }
        if (Long.bitCount(n) == 1 && from % n == 0) {
            int level = Long.numberOfTrailingZeros(n);
            if (level >= AuditTrailImpl.NODE_LEVEL) {
                byte[] stored = node(level, from >>> level);
                if (stored != null) {
                    return stored;
                }
                // Not stored (should not happen): computed from its halves, correct but slower.
            }
        }
        long k = MerkleTree.split(n);
        return MerkleTree.nodeHash(sha, subtree(from, from + k), subtree(from + k, to));
    }

    int nodeReads() {
        return nodeReads;
    }

    int blockReads() {
        return blockReads;
    }

    private byte[] node(int level, long index) {
        nodeReads++;
        try (PreparedStatement ps = AuditRows.connection(em).prepareStatement(
                "SELECT hash FROM audit_tree_node WHERE tree_level = ? AND node_index = ?")) {
            ps.setInt(1, level);
            ps.setLong(2, index);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? MerkleTree.unhex(rs.getString(1).trim()) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the audit trail's Merkle tree: " + e.getMessage(), e);
        }
    }

    private byte[] leaf(long index) {
        byte[] hash = leaves.get(index);
        if (hash == null) {
            long start = index - index % BLOCK;
            long end = Math.min(start + BLOCK, size);
            blockReads++;
            AuditRows.scan(em, start, end, (seq, time, actor, action, type, id, before, after, prev, h) ->
                    leaves.put(seq - 1, MerkleTree.leafHash(sha, AuditRows.encode(seq, time, actor, action, type, id,
                            before, after, prev))));
            hash = leaves.get(index);
            if (hash == null) {
                throw new IllegalStateException("Audit record " + (index + 1) + " is missing: the trail is broken; "
                        + "an administrator must verify it (pf:audit-verify)");
            }
        }
        return hash;
    }
}
