package org.partnerfinance.audit.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

import org.partnerfinance.audit.api.AuditEvent;
import org.partnerfinance.audit.api.AuditRecord;
import org.partnerfinance.audit.api.HeadSignature;
import org.partnerfinance.audit.api.Verification;

/**
 * The hash chain of the audit trail, free of any storage.
 *
 * <p>{@code hash = hex(SHA-256(encoding))} where the encoding is a version tag followed by every field as a 4-byte
 * big-endian length and its UTF-8 bytes, in this order: sequence number (decimal), time ({@link #formatTime}), actor,
 * action, entity type, entity id, before, after, previous hash. Length prefixes make the encoding unambiguous: no two
 * different records encode to the same bytes, whatever characters the fields contain. The first record's previous hash
 * is {@link #GENESIS}.
 */
final class AuditChain {

    /** Previous hash of the first record. */
    static final String GENESIS = "0".repeat(64);

    private static final byte[] VERSION_TAG = "pf-audit-v1".getBytes(StandardCharsets.US_ASCII);
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private AuditChain() {
    }

    /** The time as stored and hashed: UTC, always with three fraction digits, e.g. 2025-01-31T09:15:00.000Z. */
    static String formatTime(Instant at) {
        return TIME.format(at.truncatedTo(ChronoUnit.MILLIS));
    }

    static Instant parseTime(String text) {
        return Instant.parse(text);
    }

    /** The hash of a record with these fields. */
    static String hash(long seq, Instant at, AuditEvent event, String previousHash) {
        return HexFormat.of().formatHex(sha256().digest(encode(seq, formatTime(at), event.actor(), event.action(),
                event.entityType(), event.entityId(), event.before(), event.after(), previousHash)));
    }

    /**
     * The canonical bytes of a record, with its time as stored ({@link #formatTime}): what its chain hash is the
     * SHA-256 of, and what its Merkle leaf hashes (after the 0x00 prefix). Independent verifiers rebuild exactly these
     * bytes from a proof's record fields.
     */
    static byte[] encode(long seq, String time, String actor, String action, String entityType, String entityId,
            String before, String after, String previousHash) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        out.writeBytes(VERSION_TAG);
        field(out, Long.toString(seq));
        field(out, time);
        field(out, actor);
        field(out, action);
        field(out, entityType);
        field(out, entityId);
        field(out, before);
        field(out, after);
        field(out, previousHash);
        return out.toByteArray();
    }

    private static final byte[] HEX_DIGITS = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    /** Whether {@code hex} is exactly {@code bytes} in lower-case hex (without building the hex string). */
    static boolean isHex(byte[] bytes, String hex) {
        if (hex == null || hex.length() != bytes.length * 2) {
            return false;
        }
        for (int i = 0; i < bytes.length; i++) {
            if (hex.charAt(2 * i) != HEX_DIGITS[(bytes[i] >> 4) & 0xF]
                    || hex.charAt(2 * i + 1) != HEX_DIGITS[bytes[i] & 0xF]) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@link #encode} into one reusable buffer, for streaming a whole trail without an allocation per field: ASCII
     * text (nearly every field) is copied char by char, anything else through its UTF-8 bytes. Not thread-safe.
     */
    static final class Encoder {
        private byte[] buf = new byte[1024];
        private int length;

        /** Encodes a record; the bytes are {@link #bytes()}[0, {@link #length()}) until the next call. */
        void encode(long seq, String time, String actor, String action, String entityType, String entityId,
                String before, String after, String previousHash) {
            length = 0;
            ensure(VERSION_TAG.length);
            System.arraycopy(VERSION_TAG, 0, buf, 0, VERSION_TAG.length);
            length = VERSION_TAG.length;
            field(Long.toString(seq));
            field(time);
            field(actor);
            field(action);
            field(entityType);
            field(entityId);
            field(before);
            field(after);
            field(previousHash);
        }

        byte[] bytes() {
            return buf;
        }

        int length() {
            return length;
        }

        private void field(String value) {
            int n = value.length();
            boolean ascii = true;
            for (int i = 0; i < n; i++) {
                if (value.charAt(i) >= 0x80) {
                    ascii = false;
                    break;
                }
            }
            if (ascii) {
                ensure(4 + n);
                putLength(n);
                for (int i = 0; i < n; i++) {
                    buf[length++] = (byte) value.charAt(i);
                }
            } else {
                byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
                ensure(4 + bytes.length);
                putLength(bytes.length);
                System.arraycopy(bytes, 0, buf, length, bytes.length);
                length += bytes.length;
            }
        }

        private void putLength(int n) {
            buf[length++] = (byte) (n >>> 24);
            buf[length++] = (byte) (n >>> 16);
            buf[length++] = (byte) (n >>> 8);
            buf[length++] = (byte) n;
        }

        private void ensure(int more) {
            if (length + more > buf.length) {
                buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, length + more));
            }
        }
    }

    /** {@link #encode} of a record read back. */
    static byte[] encode(AuditRecord r) {
        AuditEvent e = r.event();
        return encode(r.seq(), formatTime(r.at()), e.actor(), e.action(), e.entityType(), e.entityId(), e.before(),
                e.after(), r.previousHash());
    }

    /** The record to append after a chain whose last record has {@code previousSeq} and {@code previousHash}. */
    static AuditRecord next(long previousSeq, String previousHash, Instant at, AuditEvent event) {
        long seq = previousSeq + 1;
        Instant time = at.truncatedTo(ChronoUnit.MILLIS);
        return new AuditRecord(seq, time, event, previousHash, hash(seq, time, event, previousHash));
    }

    static void field(ByteArrayOutputStream out, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        int n = bytes.length;
        out.write(n >>> 24);
        out.write(n >>> 16);
        out.write(n >>> 8);
        out.write(n);
        out.writeBytes(bytes);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    /**
     * Checks stored records fed one by one in sequence order, without holding them: each must carry the next sequence
     * number, link to the previous record's hash and hash to its stored hash. {@link #finish} compares the end of the
     * chain with the head (last sequence number and hash) kept beside it, which catches deleted last records.
     */
    static final class Verifier {
        private long checked;
        private long expectedSeq = 1;
        private String previousHash = GENESIS;
        private long firstBroken = -1;
        private String problem;
        private final MessageDigest sha = sha256();

        /** Checks the next record; after the first broken record the rest are only counted. */
        void accept(AuditRecord record) {
            accept(record.seq(), record.previousHash(), record.hash(), encode(record));
        }

        /**
         * Checks the next record given its {@link #encode canonical bytes} as stored (time as stored, not re-read):
         * the fast path of a full verification, which hashes each record's bytes once for the chain and once for the
         * Merkle tree.
         */
        void accept(long seq, String previousHash, String hash, byte[] encoding) {
            accept(seq, previousHash, hash, encoding, encoding.length);
        }

        /** As {@link #accept(long, String, String, byte[])} with the first {@code length} bytes of a buffer. */
        void accept(long seq, String previousHash, String hash, byte[] encoding, int length) {
            checked++;
            if (firstBroken >= 0) {
                return;
            }
            if (seq != expectedSeq) {
                broken(expectedSeq, seq > expectedSeq
                        ? "record " + expectedSeq + " is missing"
                        : "record " + seq + " is out of order");
                return;
            }
            if (!this.previousHash.equals(previousHash)) {
                broken(seq, "record " + seq + " does not link to the record before it");
                return;
            }
            sha.update(encoding, 0, length);
            if (!isHex(sha.digest(), hash)) {
                broken(seq, "record " + seq + " was changed after it was written");
                return;
            }
            this.previousHash = hash;
            expectedSeq++;
        }

        /**
         * The result, given the head's last sequence number and hash, what was found about its signature and how many
         * stored records lie beyond it ({@code firstBeyond}: the lowest of their sequence numbers).
         */
        Verification finish(Instant at, long headSeq, String headHash, HeadSignature signature, long beyondHead,
                long firstBeyond) {
            return finish(at, headSeq, headHash, signature, beyondHead, firstBeyond, null);
        }

        /**
         * As {@link #finish(Instant, long, String, HeadSignature, long, long)}, with what was found wrong with the
         * Merkle tree and its signed heads ({@code treeProblem}, a sentence; null when they check out): such a trail
         * is not intact either, since the proofs partners hold are checked against those heads.
         */
        Verification finish(Instant at, long headSeq, String headHash, HeadSignature signature, long beyondHead,
                long firstBeyond, String treeProblem) {
            if (firstBroken < 0) {
                long lastSeq = expectedSeq - 1;
                if (headSeq > lastSeq) {
                    broken(lastSeq + 1, "record " + (lastSeq + 1) + " is missing");
                } else if (headSeq < lastSeq) {
                    broken(headSeq + 1, "record " + (headSeq + 1) + " is not part of the chain's head");
                } else if (!previousHash.equals(headHash)) {
                    broken(lastSeq, "the chain's head does not match record " + lastSeq);
                }
            }
            StringBuilder message = new StringBuilder();
            if (firstBroken >= 0) {
                message.append("The audit trail is broken at record ").append(firstBroken).append(": ").append(problem)
                        .append('.');
            } else {
                message.append("The hash chain is intact: ").append(checked).append(" records checked.");
            }
            switch (signature) {
                case VALID -> message.append(" The head (record ").append(headSeq).append(") is validly signed.");
                case INVALID -> message.append(" The head (record ").append(headSeq).append(") does not carry a valid "
                        + "signature: records and head were rewritten, or the key file is not the one that signed "
                        + "them.");
                case MISSING -> message.append(" The head (record ").append(headSeq).append(") is not signed.");
                default -> throw new IllegalArgumentException(signature.name());
            }
            if (beyondHead > 0) {
                message.append(' ').append(beyondHead).append(beyondHead == 1 ? " record lies" : " records lie")
                        .append(" beyond the head, from record ").append(firstBeyond)
                        .append(" on: they were not appended through the audit service.");
            }
            if (treeProblem != null) {
                message.append(' ').append(treeProblem);
            }
            boolean intact = firstBroken < 0 && signature == HeadSignature.VALID && beyondHead == 0
                    && treeProblem == null;
            if (intact) {
                message.insert(0, "The audit trail is intact. ");
            }
            return new Verification(at, intact, checked, firstBroken, headSeq, signature, beyondHead,
                    message.toString());
        }

        /** The chain alone (records against the head's sequence number and hash), without signature or rows beyond. */
        boolean chainIntact(long headSeq, String headHash) {
            return firstBroken < 0 && headSeq == expectedSeq - 1 && previousHash.equals(headHash);
        }

        private void broken(long seq, String why) {
            firstBroken = seq;
            problem = why;
        }
    }
}
