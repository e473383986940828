package org.partnerfinance.connector.camt.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.Test;

/** The bounded subset sum behind split suggestions, and the greedy spread behind the split dialog's proposal. */
public class SplitsTest {

    private static List<BigDecimal> amounts(String... values) {
        return java.util.Arrays.stream(values).map(BigDecimal::new).toList();
    }

    @Test
    public void findsTheSetsThatAddUpExactlyWhateverTheScale() {
        List<int[]> sets = Splits.exactSets(new BigDecimal("300.00"), amounts("100.00", "250", "200.0", "50"), 4);
        assertEquals(2, sets.size());
        assertArrayEquals(new int[] {0, 2}, sets.get(0));
        assertArrayEquals(new int[] {1, 3}, sets.get(1));
    }

    @Test
    public void noSetWhenNothingAddsUpAndASingleAmountIsNoSplit() {
        assertTrue(Splits.exactSets(new BigDecimal("301"), amounts("100", "250", "200", "50"), 4).isEmpty());
        // one document of the whole amount is the ordinary match, not a split
        assertTrue(Splits.exactSets(new BigDecimal("250"), amounts("250", "1", "2"), 4).isEmpty());
        assertTrue(Splits.exactSets(BigDecimal.ZERO, amounts("0", "0"), 4).isEmpty());
        // a non-positive amount is never part of a set
        assertTrue(Splits.exactSets(new BigDecimal("100"), amounts("150", "-50"), 4).isEmpty());
    }

    @Test
    public void tiesAreAllFoundInTheOrderOfTheirItems() {
        // two pairs of equal amounts: every pairing adds up; the earlier items' set comes first
        List<int[]> sets = Splits.exactSets(new BigDecimal("30"), amounts("10", "10", "20", "20"), 4);
        assertEquals(4, sets.size());
        assertArrayEquals(new int[] {0, 2}, sets.get(0));
        assertArrayEquals(new int[] {0, 3}, sets.get(1));
        assertArrayEquals(new int[] {1, 2}, sets.get(2));
        assertArrayEquals(new int[] {1, 3}, sets.get(3));
    }

    @Test
    public void boundedInPartsItemsAndSetsFound() {
        // five documents of 20 make 100, but a set has at most four
        assertTrue(Splits.exactSets(new BigDecimal("100"), amounts("20", "20", "20", "20", "20"), 4).isEmpty());
        assertEquals(1, Splits.exactSets(new BigDecimal("80"), amounts("20", "20", "20", "20"), 4).size());
        assertTrue(Splits.exactSets(new BigDecimal("80"), amounts("20", "20", "20", "20"), 3).isEmpty());
        assertEquals(Splits.MAX_PARTS, 4);

        // only the first MAX_ITEMS amounts are searched: the pair that adds up sits after them
        List<BigDecimal> many = new ArrayList<>(Collections.nCopies(Splits.MAX_ITEMS, new BigDecimal("1000")));
        many.add(new BigDecimal("7"));
        many.add(new BigDecimal("8"));
        assertTrue(Splits.exactSets(new BigDecimal("15"), many, 4).isEmpty());
        many.set(Splits.MAX_ITEMS - 1, new BigDecimal("8"));
        many.set(Splits.MAX_ITEMS - 2, new BigDecimal("7"));
        assertEquals(1, Splits.exactSets(new BigDecimal("15"), many, 4).size());

        // thirty equal amounts: the first twenty give C(20,2) = 190 pairs, but the search stops at MAX_FOUND
        List<BigDecimal> equal = Collections.nCopies(30, new BigDecimal("5"));
        assertEquals(Splits.MAX_FOUND, Splits.exactSets(new BigDecimal("10"), equal, 4).size());
    }

    @Test
    public void findsSetsOfThreeAndFour() {
        List<int[]> sets = Splits.exactSets(new BigDecimal("1000"), amounts("100", "200", "300", "400", "999"), 4);
        assertEquals(1, sets.size());
        assertArrayEquals(new int[] {0, 1, 2, 3}, sets.get(0));
        List<int[]> three = Splits.exactSets(new BigDecimal("600"), amounts("100", "200", "300", "400"), 4);
        assertEquals(2, three.size());
        assertArrayEquals(new int[] {0, 1, 2}, three.get(0));
        assertArrayEquals(new int[] {1, 3}, three.get(1));
    }

    @Test
    public void greedySpreadsOldestFirstEachAtMostItsOpenAmount() {
        assertEquals(amounts("100", "150", "0"), Splits.greedy(new BigDecimal("250"), amounts("100", "200", "300")));
        assertEquals(amounts("100", "200"), Splits.greedy(new BigDecimal("400"), amounts("100", "200")));
        assertEquals(List.of(), Splits.greedy(new BigDecimal("400"), List.of()));
    }
}
