package org.partnerfinance.audit.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The Merkle tree of RFC 6962 (section 2.1) over the audit records in sequence order, free of any storage.
 *
 * <p>A leaf hash is {@code SHA-256(0x00 || data)}, an interior node {@code SHA-256(0x01 || left || right)}; a tree
 * of n > 1 leaves splits at k, the largest power of two smaller than n, so the left subtree is always complete. The
 * root of the empty tree is {@code SHA-256()} of nothing. Keeping to the standard exactly is what lets a partner check
 * a proof with any RFC 6962 implementation, not only ours.
 */
final class MerkleTree {

    static final int HASH_BYTES = 32;
    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;

    private MerkleTree() {
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    static byte[] leafHash(MessageDigest sha, byte[] data) {
        sha.update(LEAF_PREFIX);
        sha.update(data);
        return sha.digest();
    }

    static byte[] leafHash(MessageDigest sha, byte[] data, int length) {
        sha.update(LEAF_PREFIX);
        sha.update(data, 0, length);
        return sha.digest();
    }

    static byte[] leafHash(byte[] data) {
        return leafHash(sha256(), data);
    }

    static byte[] nodeHash(MessageDigest sha, byte[] left, byte[] right) {
        sha.update(NODE_PREFIX);
        sha.update(left);
        sha.update(right);
        return sha.digest();
    }

    static byte[] nodeHash(byte[] left, byte[] right) {
        return nodeHash(sha256(), left, right);
    }

    static byte[] emptyRoot() {
        return sha256().digest();
    }

    /** The largest power of two smaller than {@code n} (n > 1): where RFC 6962 splits a tree of n leaves. */
    static long split(long n) {
        if (n < 2) {
            throw new IllegalArgumentException("a tree of " + n + " leaves does not split");
        }
        return Long.highestOneBit(n - 1);
    }

    /** MTH of the given leaf hashes (the definition, recursive: for tests and small ranges). */
    static byte[] root(List<byte[]> leafHashes) {
        if (leafHashes.isEmpty()) {
            return emptyRoot();
        }
        return root(sha256(), leafHashes, 0, leafHashes.size());
    }

    static byte[] root(MessageDigest sha, List<byte[]> leaves, int from, int to) {
        int n = to - from;
        if (n == 1) {
            return leaves.get(from);
        }
        int k = (int) split(n);
        return nodeHash(sha, root(sha, leaves, from, from + k), root(sha, leaves, from + k, to));
    }

    /** PATH(m, D[n]) of RFC 6962 section 2.1.1 over all leaf hashes (the definition: for tests). */
    static List<byte[]> path(List<byte[]> leafHashes, int m) {
        List<byte[]> path = new ArrayList<>();
        path(sha256(), leafHashes, m, 0, leafHashes.size(), path);
        return path;
    }

    private static void path(MessageDigest sha, List<byte[]> leaves, int m, int from, int to, List<byte[]> out) {
        int n = to - from;
        if (n <= 1) {
            return;
        }
        int k = (int) split(n);
        if (m < k) {
            path(sha, leaves, m, from, from + k, out);
            out.add(root(sha, leaves, from + k, to));
        } else {
            path(sha, leaves, m - k, from + k, to, out);
            out.add(root(sha, leaves, from, from + k));
        }
    }

    /**
     * The root that an inclusion proof leads to (RFC 9162 section 2.1.3.2): the leaf hash combined with the audit
     * path, bottom up, or null when the path does not fit leaf {@code index} of a tree of {@code size} leaves.
     */
    static byte[] rootFromPath(long index, long size, byte[] leafHash, List<byte[]> path) {
        if (index < 0 || index >= size) {
            return null;
        }
        MessageDigest sha = sha256();
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : path) {
            if (sn == 0) {
                return null;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(sha, p, r);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                r = nodeHash(sha, r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 ? r : null;
    }

    static String hex(byte[] hash) {
        return HexFormat.of().formatHex(hash);
    }

    static byte[] unhex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    /**
     * The right edge of a growing tree (a "compact range"): for every set bit L of the leaf count, the hash of the
     * complete subtree of 2^L leaves it stands for. Appending a leaf merges equal-sized subtrees like a binary
     * counter, so the root of any size is known from at most 64 hashes without reading a single record, and every
     * complete subtree that forms is reported once (to be stored for proofs).
     */
    static final class Frontier {

        /** Receives each complete, aligned subtree as it forms: its level (log2 of its leaves), index and hash. */
        interface NodeSink {
            void completed(int level, long index, byte[] hash);
        }

        private long size;
        /** Hashes by level; null where the size has no bit. */
        private final byte[][] levels = new byte[64][];
        private final MessageDigest sha = sha256();

        Frontier() {
        }

        long size() {
            return size;
        }

        /** Appends one leaf hash; subtrees of at least 2^minLevel leaves that complete go to {@code sink}. */
        void append(byte[] leafHash, int minLevel, NodeSink sink) {
            byte[] node = leafHash;
            int level = 0;
            long n = size;
            while ((n & 1) == 1) {
                node = nodeHash(sha, levels[level], node);
                levels[level] = null;
                n >>>= 1;
                level++;
                if (sink != null && level >= minLevel) {
                    sink.completed(level, ((size + 1) >>> level) - 1, node);
                }
            }
            levels[level] = node;
            size++;
        }

        /** The root of the tree so far (RFC 6962 MTH): subtrees folded from the smallest (rightmost) up. */
        byte[] root() {
            if (size == 0) {
                return emptyRoot();
            }
            byte[] root = null;
            for (int level = 0; level < 64; level++) {
                if (levels[level] != null) {
                    root = root == null ? levels[level] : nodeHash(sha, levels[level], root);
                }
            }
            return root;
        }

        /** The stored form: the subtree hashes in hex, smallest level first, without separators. */
        String encode() {
            StringBuilder out = new StringBuilder();
            for (int level = 0; level < 64; level++) {
                if (levels[level] != null) {
                    out.append(hex(levels[level]));
                }
            }
            return out.toString();
        }

        /** The frontier of a tree of {@code size} leaves from its {@link #encode stored form}. */
        static Frontier decode(long size, String encoded) {
            Frontier f = new Frontier();
            int expected = Long.bitCount(size) * 2 * HASH_BYTES;
            if (encoded == null || encoded.length() != expected) {
                throw new IllegalStateException("The stored Merkle frontier does not fit a tree of " + size
                        + " records");
            }
            int at = 0;
            for (int level = 0; level < 64; level++) {
                if ((size >>> level & 1) == 1) {
                    f.levels[level] = unhex(encoded.substring(at, at + 2 * HASH_BYTES));
                    at += 2 * HASH_BYTES;
                }
            }
            f.size = size;
            return f;
        }
    }
}
