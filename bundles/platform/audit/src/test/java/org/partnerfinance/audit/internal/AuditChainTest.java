package org.partnerfinance.audit.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;

import org.junit.Test;
import org.partnerfinance.audit.api.AuditEvent;
import org.partnerfinance.audit.api.AuditRecord;
import org.partnerfinance.audit.api.HeadSignature;
import org.partnerfinance.audit.api.Verification;

public class AuditChainTest {

    private static final Instant T0 = Instant.parse("2025-03-14T10:15:30.123456789Z");

    /** A chain of n records built the way the service appends them. */
    private static List<AuditRecord> chain(int n) {
        List<AuditRecord> records = new ArrayList<>();
        long seq = 0;
        String prev = AuditChain.GENESIS;
        for (int i = 1; i <= n; i++) {
            AuditRecord r = AuditChain.next(seq, prev, T0.plusSeconds(i),
                    new AuditEvent("reviewer", "claim.approved", "claim", Integer.toString(i),
                            "status=SUBMITTED", "status=APPROVED"));
            records.add(r);
            seq = r.seq();
            prev = r.hash();
        }
        return records;
    }

    private static Verification verify(List<AuditRecord> records, long headSeq, String headHash) {
        AuditChain.Verifier verifier = new AuditChain.Verifier();
        records.forEach(verifier::accept);
        return verifier.finish(T0, headSeq, headHash, HeadSignature.VALID, 0, -1);
    }

    private static Verification verify(List<AuditRecord> records) {
        AuditRecord last = records.get(records.size() - 1);
        return verify(records, last.seq(), last.hash());
    }

    private static List<AuditRecord> withEvent(List<AuditRecord> records, int index, UnaryOperator<AuditEvent> edit) {
        List<AuditRecord> copy = new ArrayList<>(records);
        AuditRecord r = copy.get(index);
        copy.set(index, new AuditRecord(r.seq(), r.at(), edit.apply(r.event()), r.previousHash(), r.hash()));
        return copy;
    }

    @Test
    public void firstRecordLinksToGenesisAndEachRecordToItsPredecessor() {
        List<AuditRecord> records = chain(3);
        assertEquals(1, records.get(0).seq());
        assertEquals(AuditChain.GENESIS, records.get(0).previousHash());
        assertEquals(records.get(0).hash(), records.get(1).previousHash());
        assertEquals(records.get(1).hash(), records.get(2).previousHash());
        assertTrue(records.get(2).hash().matches("[0-9a-f]{64}"));
    }

    @Test
    public void timeIsTruncatedToMillisBeforeHashing() {
        AuditRecord r = chain(1).get(0);
        assertEquals(Instant.parse("2025-03-14T10:15:31.123Z"), r.at());
        assertEquals("2025-03-14T10:15:31.123Z", AuditChain.formatTime(r.at()));
        assertEquals("2025-03-14T10:15:31.000Z", AuditChain.formatTime(Instant.parse("2025-03-14T10:15:31Z")));
        assertEquals(r.hash(), AuditChain.hash(1, T0.plusSeconds(1), r.event(), AuditChain.GENESIS));
    }

    @Test
    public void intactChainVerifies() {
        Verification v = verify(chain(5));
        assertTrue(v.message(), v.intact());
        assertEquals(5, v.checked());
        assertEquals(-1, v.firstBroken());
    }

    @Test
    public void invalidOrMissingSignatureOrRecordsBeyondTheHeadAreNotIntact() {
        List<AuditRecord> records = chain(3);
        AuditRecord last = records.get(2);
        for (HeadSignature s : List.of(HeadSignature.INVALID, HeadSignature.MISSING)) {
            AuditChain.Verifier verifier = new AuditChain.Verifier();
            records.forEach(verifier::accept);
            Verification v = verifier.finish(T0, last.seq(), last.hash(), s, 0, -1);
            assertFalse(v.intact());
            assertEquals(-1, v.firstBroken());
            assertEquals(s, v.headSignature());
            assertTrue(v.message(), v.message().contains("sign"));
        }
        AuditChain.Verifier verifier = new AuditChain.Verifier();
        records.forEach(verifier::accept);
        Verification v = verifier.finish(T0, last.seq(), last.hash(), HeadSignature.VALID, 2, 4);
        assertFalse(v.intact());
        assertEquals(2, v.beyondHead());
        assertTrue(v.message(), v.message().contains("2 records lie beyond the head, from record 4"));
    }

    @Test
    public void emptyChainVerifiesAgainstGenesisHead() {
        Verification v = verify(List.of(), 0, AuditChain.GENESIS);
        assertTrue(v.intact());
        assertEquals(0, v.checked());
    }

    @Test
    public void changingAnyEventFieldIsDetectedAtThatRecord() {
        List<AuditRecord> records = chain(4);
        List<UnaryOperator<AuditEvent>> edits = List.of(
                e -> new AuditEvent("mallory", e.action(), e.entityType(), e.entityId(), e.before(), e.after()),
                e -> new AuditEvent(e.actor(), "claim.rejected", e.entityType(), e.entityId(), e.before(), e.after()),
                e -> new AuditEvent(e.actor(), e.action(), "partner", e.entityId(), e.before(), e.after()),
                e -> new AuditEvent(e.actor(), e.action(), e.entityType(), "99", e.before(), e.after()),
                e -> new AuditEvent(e.actor(), e.action(), e.entityType(), e.entityId(), "status=DRAFT", e.after()),
                e -> new AuditEvent(e.actor(), e.action(), e.entityType(), e.entityId(), e.before(), "status=PAID"));
        for (UnaryOperator<AuditEvent> edit : edits) {
            Verification v = verify(withEvent(records, 2, edit));
            assertFalse(v.intact());
            assertEquals(v.message(), 3, v.firstBroken());
            assertEquals(4, v.checked());
        }
    }

    @Test
    public void changingTimeSeqPreviousHashOrHashIsDetected() {
        List<AuditRecord> records = chain(4);
        AuditRecord r = records.get(1);
        List<AuditRecord> variants = List.of(
                new AuditRecord(r.seq(), r.at().plusMillis(1), r.event(), r.previousHash(), r.hash()),
                new AuditRecord(r.seq(), r.at(), r.event(), AuditChain.GENESIS, r.hash()),
                new AuditRecord(r.seq(), r.at(), r.event(), r.previousHash(), "f".repeat(64)));
        for (AuditRecord tampered : variants) {
            List<AuditRecord> copy = new ArrayList<>(records);
            copy.set(1, tampered);
            Verification v = verify(copy);
            assertFalse(v.intact());
            assertEquals(v.message(), 2, v.firstBroken());
        }
        // renumbering a record breaks the sequence at that point
        List<AuditRecord> renumbered = new ArrayList<>(records);
        renumbered.set(1, new AuditRecord(7, r.at(), r.event(), r.previousHash(), r.hash()));
        assertEquals(2, verify(renumbered).firstBroken());
    }

    @Test
    public void recomputedHashOfAnEditedRecordStillBreaksTheNextLink() {
        List<AuditRecord> records = chain(4);
        AuditRecord r = records.get(1);
        AuditEvent forged = new AuditEvent(r.event().actor(), r.event().action(), r.event().entityType(),
                r.event().entityId(), r.event().before(), "status=REJECTED");
        records.set(1, new AuditRecord(r.seq(), r.at(), forged, r.previousHash(),
                AuditChain.hash(r.seq(), r.at(), forged, r.previousHash())));
        Verification v = verify(records);
        assertFalse(v.intact());
        assertEquals(3, v.firstBroken());
    }

    @Test
    public void deletedRecordIsDetectedAsAGap() {
        List<AuditRecord> records = chain(5);
        AuditRecord last = records.get(4);
        records.remove(2);
        Verification v = verify(records, last.seq(), last.hash());
        assertFalse(v.intact());
        assertEquals(3, v.firstBroken());
        assertTrue(v.message(), v.message().contains("missing"));
    }

    @Test
    public void deletedLastRecordIsDetectedThroughTheHead() {
        List<AuditRecord> records = chain(5);
        AuditRecord last = records.remove(4);
        Verification v = verify(records, last.seq(), last.hash());
        assertFalse(v.intact());
        assertEquals(5, v.firstBroken());
    }

    @Test
    public void headThatDoesNotMatchTheLastRecordIsDetected() {
        List<AuditRecord> records = chain(3);
        Verification v = verify(records, 3, records.get(1).hash());
        assertFalse(v.intact());
        assertEquals(3, v.firstBroken());
        assertFalse(verify(records, 2, records.get(1).hash()).intact());
    }

    @Test
    public void reorderedRecordsAreDetected() {
        List<AuditRecord> records = chain(4);
        Collections.swap(records, 1, 2);
        Verification v = verify(records);
        assertFalse(v.intact());
        assertEquals(2, v.firstBroken());

        // swapping the contents of two rows but keeping their sequence numbers
        List<AuditRecord> swapped = chain(4);
        AuditRecord a = swapped.get(1);
        AuditRecord b = swapped.get(2);
        swapped.set(1, new AuditRecord(a.seq(), b.at(), b.event(), b.previousHash(), b.hash()));
        swapped.set(2, new AuditRecord(b.seq(), a.at(), a.event(), a.previousHash(), a.hash()));
        assertEquals(2, verify(swapped).firstBroken());
    }

    @Test
    public void encodingIsUnambiguousAcrossFieldBoundaries() {
        AuditEvent a = new AuditEvent("ab", "c", "claim", "1", "", "");
        AuditEvent b = new AuditEvent("a", "bc", "claim", "1", "", "");
        assertNotEquals(AuditChain.hash(1, T0, a, AuditChain.GENESIS), AuditChain.hash(1, T0, b, AuditChain.GENESIS));
        AuditEvent c = new AuditEvent("a", "b", "claim", "1", "x", "");
        AuditEvent d = new AuditEvent("a", "b", "claim", "1", "", "x");
        assertNotEquals(AuditChain.hash(1, T0, c, AuditChain.GENESIS), AuditChain.hash(1, T0, d, AuditChain.GENESIS));
    }
}
