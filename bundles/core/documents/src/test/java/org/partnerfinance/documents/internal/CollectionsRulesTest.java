package org.partnerfinance.documents.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Random;

import org.junit.Test;
import org.partnerfinance.documents.api.Aging;
import org.partnerfinance.documents.api.DunningLevel;

public class CollectionsRulesTest {

    private static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);

    @Test
    public void agingBoundaries() {
        int[][] cases = {{-5, 0}, {0, 0}, {1, 1}, {30, 1}, {31, 2}, {60, 2}, {61, 3}, {90, 3}, {91, 4}, {120, 4},
            {121, 5}, {4000, 5}};
        for (int[] c : cases) {
            assertEquals("days overdue " + c[0], c[1], AgingBuckets.bucketOf(c[0]));
            Aging aging = new AgingBuckets().add(AS_OF.minusDays(c[0]), AS_OF, BigDecimal.TEN).toAging(2);
            BigDecimal[] buckets = {aging.current(), aging.days1to30(), aging.days31to60(), aging.days61to90(),
                aging.days91to120(), aging.over120()};
            for (int i = 0; i < buckets.length; i++) {
                assertEquals("days overdue " + c[0] + " bucket " + i, i == c[1] ? new BigDecimal("10.00")
                        : new BigDecimal("0.00"), buckets[i]);
            }
        }
    }

    /** Property: whatever is added, the buckets add up to the sum of what was added. */
    @Test
    public void bucketsAddUpToWhatWasAdded() {
        Random random = new Random(42);
        for (int run = 0; run < 500; run++) {
            AgingBuckets buckets = new AgingBuckets();
            BigDecimal sum = BigDecimal.ZERO;
            for (int i = 0, n = random.nextInt(50); i < n; i++) {
                BigDecimal amount = BigDecimal.valueOf(random.nextInt(2_000_000) - 1_000_000, 2);
                sum = sum.add(amount);
                if (random.nextInt(5) == 0) {
                    buckets.addUnapplied(amount);
                } else {
                    buckets.add(AS_OF.plusDays(random.nextInt(400) - 300), AS_OF, amount);
                }
            }
            assertEquals(sum.setScale(2), buckets.toAging(2).total());
        }
    }

    @Test
    public void dunningLevels() {
        Collections.Thresholds t = new Collections.Thresholds(1, 15, 30);
        assertEquals(DunningLevel.NONE, Collections.dueLevel(0, t));
        assertEquals(DunningLevel.REMINDER, Collections.dueLevel(1, t));
        assertEquals(DunningLevel.REMINDER, Collections.dueLevel(14, t));
        assertEquals(DunningLevel.SECOND_NOTICE, Collections.dueLevel(15, t));
        assertEquals(DunningLevel.FINAL_DEMAND, Collections.dueLevel(30, t));
        assertThrows(IllegalArgumentException.class, () -> new Collections.Thresholds(10, 5, 30));
    }

    @Test
    public void dso() {
        assertEquals(new BigDecimal("45.0"), Collections.dso(new BigDecimal("500"), new BigDecimal("1000"), 90));
        assertEquals(new BigDecimal("30.3"), Collections.dso(new BigDecimal("101"), new BigDecimal("300"), 90));
        assertNull(Collections.dso(BigDecimal.TEN, BigDecimal.ZERO, 90));
    }
}
