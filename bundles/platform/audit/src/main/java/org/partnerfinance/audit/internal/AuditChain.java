package org.partnerfinance.audit.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
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
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        out.writeBytes(VERSION_TAG);
        field(out, Long.toString(seq));
        field(out, formatTime(at));
        field(out, event.actor());
        field(out, event.action());
        field(out, event.entityType());
        field(out, event.entityId());
        field(out, event.before());
        field(out, event.after());
        field(out, previousHash);
        return HexFormat.of().formatHex(sha256().digest(out.toByteArray()));
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

    private static MessageDigest sha256() {
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

        /** Checks the next record; after the first broken record the rest are only counted. */
        void accept(AuditRecord record) {
            checked++;
            if (firstBroken >= 0) {
                return;
            }
            if (record.seq() != expectedSeq) {
                broken(expectedSeq, record.seq() > expectedSeq
                        ? "record " + expectedSeq + " is missing"
                        : "record " + record.seq() + " is out of order");
                return;
            }
            if (!previousHash.equals(record.previousHash())) {
                broken(record.seq(), "record " + record.seq() + " does not link to the record before it");
                return;
            }
            if (!hash(record.seq(), record.at(), record.event(), record.previousHash()).equals(record.hash())) {
                broken(record.seq(), "record " + record.seq() + " was changed after it was written");
                return;
            }
            previousHash = record.hash();
            expectedSeq++;
        }

        /** Marks a record that could not even be read back (e.g. a malformed time) as broken. */
        void unreadable(long seq, DateTimeParseException cause) {
            checked++;
            if (firstBroken < 0) {
                broken(seq, "record " + seq + " cannot be read (" + cause.getParsedString() + ")");
            }
        }

        /**
         * The result, given the head's last sequence number and hash, what was found about its signature and how many
         * stored records lie beyond it ({@code firstBeyond}: the lowest of their sequence numbers).
         */
        Verification finish(Instant at, long headSeq, String headHash, HeadSignature signature, long beyondHead,
                long firstBeyond) {
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
            boolean intact = firstBroken < 0 && signature == HeadSignature.VALID && beyondHead == 0;
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
