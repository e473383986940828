package org.partnerfinance.connector.camt.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The arithmetic of splitting one bank entry across documents: which small sets of open amounts add up to the entry
 * exactly (a bounded subset sum), and how an amount is spread across documents in order (greedy).
 */
final class Splits {

    /** At most this many of a partner's open documents are searched for a set that adds up. */
    static final int MAX_ITEMS = 20;
    /** A suggested set has at most this many documents. */
    static final int MAX_PARTS = 4;
    /** The search stops after this many sets: a partner with many equal amounts cannot make it explode. */
    static final int MAX_FOUND = 50;

    private Splits() {
    }

    /**
     * The sets of 2 to {@code maxParts} amounts (by index, ascending) among the first {@link #MAX_ITEMS} whose sum is
     * exactly {@code target}, in lexicographic order of their indexes (so sets of earlier items come first), at most
     * {@link #MAX_FOUND}. Amounts must be positive; a non-positive one is never part of a set. At most
     * C(20,2) + C(20,3) + C(20,4) = 6,175 sums are tried: the amounts are positive, so a branch whose running sum
     * passes the target is not followed.
     */
    static List<int[]> exactSets(BigDecimal target, List<BigDecimal> amounts, int maxParts) {
        List<int[]> found = new ArrayList<>();
        if (target == null || target.signum() <= 0 || maxParts < 2) {
            return found;
        }
        int n = Math.min(amounts.size(), MAX_ITEMS);
        search(target, amounts, n, Math.min(maxParts, MAX_PARTS), 0, new int[Math.min(maxParts, MAX_PARTS)], 0,
                BigDecimal.ZERO, found);
        return found;
    }

    private static void search(BigDecimal target, List<BigDecimal> amounts, int n, int maxParts, int from,
            int[] chosen, int depth, BigDecimal sum, List<int[]> found) {
        for (int i = from; i < n && found.size() < MAX_FOUND; i++) {
            BigDecimal a = amounts.get(i);
            if (a == null || a.signum() <= 0) {
                continue;
            }
            BigDecimal s = sum.add(a);
            int cmp = s.compareTo(target);
            chosen[depth] = i;
            if (cmp == 0) {
                if (depth >= 1) {
                    int[] set = new int[depth + 1];
                    System.arraycopy(chosen, 0, set, 0, depth + 1);
                    found.add(set);
                }
            } else if (cmp < 0 && depth + 1 < maxParts) {
                search(target, amounts, n, maxParts, i + 1, chosen, depth + 1, s, found);
            }
        }
    }

    /**
     * Spreads {@code amount} across the open amounts in their order: each gets at most what it has open, until the
     * amount is used up (the rest get zero). What the amounts cannot take is {@code amount} minus the sum.
     */
    static List<BigDecimal> greedy(BigDecimal amount, List<BigDecimal> opens) {
        List<BigDecimal> out = new ArrayList<>(opens.size());
        BigDecimal left = amount == null || amount.signum() < 0 ? BigDecimal.ZERO : amount;
        for (BigDecimal open : opens) {
            BigDecimal take = open == null || open.signum() <= 0 ? BigDecimal.ZERO : left.min(open);
            out.add(take);
            left = left.subtract(take);
        }
        return out;
    }
}
