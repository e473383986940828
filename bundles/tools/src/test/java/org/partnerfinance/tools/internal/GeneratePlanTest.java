package org.partnerfinance.tools.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

import org.junit.Test;
import org.partnerfinance.documents.api.Direction;
import org.partnerfinance.documents.api.DocumentKind;

/** Generated documents are a pure function of their index: unique numbers, valid partner ids, dates in the span. */
public class GeneratePlanTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 5, 4);

    @Test
    public void documentsAreNumberedByIndexAloneSoALargerRunContinuesASmallerOne() {
        GeneratePlan small = new GeneratePlan(10, 100, 7, 30, TODAY);
        GeneratePlan large = new GeneratePlan(10, 1_000, 500, 30, TODAY);
        assertEquals(small.runKey(), large.runKey());
        for (long k = 0; k < 100; k++) {
            assertEquals(small.document(k), large.document(k));
        }
        assertEquals(100, small.endOf(98));
        assertEquals(505, large.endOf(5));
    }

    @Test
    public void numbersAreUniqueAndPartnersValid() {
        GeneratePlan plan = new GeneratePlan(1000, 20_000, 500, 30, TODAY);
        Set<String> numbers = new HashSet<>();
        int payables = 0;
        int credits = 0;
        int paid = 0;
        for (long k = 0; k < plan.documents(); k++) {
            GeneratePlan.Doc doc = plan.document(k);
            assertTrue(doc.number(), numbers.add(doc.partnerIndex() + "/" + doc.direction() + "/" + doc.number()));
            assertFalse(doc.issueDate().isAfter(TODAY));
            assertFalse(doc.issueDate().isBefore(plan.oldestDate()));
            assertFalse(doc.lines().isEmpty());
            payables += doc.direction() == Direction.PAYABLE ? 1 : 0;
            credits += doc.kind() == DocumentKind.CREDIT_NOTE ? 1 : 0;
            if (doc.paid()) {
                paid++;
                assertTrue(doc.issueDate().isBefore(TODAY.minusDays(45)));
                assertEquals(Direction.RECEIVABLE, doc.direction());
            }
        }
        assertEquals(2_000, payables);
        assertEquals(1_000, credits);
        assertTrue("paid " + paid, paid > 3_000 && paid < 6_000);
        for (int i = 0; i < 1000; i++) {
            assertTrue(GeneratePlan.partnerId(i).matches("P-[0-9]{4,10}"));
        }
        assertEquals("P-9000001", GeneratePlan.partnerId(0));
        assertEquals(1000, java.util.stream.IntStream.range(0, 1000).mapToObj(GeneratePlan::partnerName).distinct()
                .count());
    }

    @Test(expected = IllegalArgumentException.class)
    public void aBatchOfNothingIsRefused() {
        new GeneratePlan(10, 100, 0, 30, TODAY);
    }
}
