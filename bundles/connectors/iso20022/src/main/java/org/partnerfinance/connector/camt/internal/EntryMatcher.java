package org.partnerfinance.connector.camt.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.partnerfinance.connector.camt.SuggestionKind;
import org.partnerfinance.documents.api.Direction;

/**
 * Ranks the open payments and documents a bank entry may pay, strongest evidence first:
 * <ol>
 * <li>the payment's end-to-end id (100);</li>
 * <li>a valid ISO 11649 creditor reference ({@code RF..}) that is the payment's reference or names a document (90);
 * </li>
 * <li>a document number in the remittance information (80);</li>
 * <li>amount and counterparty name (70 for a payment; 60 for a document);</li>
 * <li>amount alone (30).</li>
 * </ol>
 * An identifier with another amount is only a suggestion (50). The entry is matched without a person when exactly one
 * candidate reaches {@value #CONFIDENT} and it has the best score; otherwise it goes to the reconciliation queue with
 * the candidates as ranked suggestions.
 *
 * <p>Indexes by end-to-end id, document number and amount keep each entry's look-up independent of how many items are
 * open.
 */
final class EntryMatcher {

    static final int CONFIDENT = 70;
    static final int MAX_SUGGESTIONS = 5;
    private static final Pattern TOKEN = Pattern.compile("[^\\p{Alnum}/_.-]+");

    /** One ranked candidate. */
    record Scored(OpenItem item, int score, String reason) {
    }

    private final Map<Long, OpenItem> payments = new HashMap<>();
    private final Map<Long, OpenItem> documents = new HashMap<>();
    private final Map<String, List<OpenItem>> byEndToEnd = new HashMap<>();
    private final Map<String, List<OpenItem>> byNumber = new HashMap<>();
    private final Map<String, List<OpenItem>> byAmount = new HashMap<>();

    EntryMatcher(List<OpenItem> openPayments, List<OpenItem> openDocuments) {
        Set<Long> paidByOpenPayments = new HashSet<>();
        for (OpenItem p : openPayments) {
            payments.put(p.id(), p);
            paidByOpenPayments.addAll(p.documentIds());
            index(p);
        }
        for (OpenItem d : openDocuments) {
            // a document an open payment already pays is matched through that payment
            if (!paidByOpenPayments.contains(d.id())) {
                documents.put(d.id(), d);
                index(d);
            }
        }
    }

    private void index(OpenItem item) {
        if (item.endToEndId() != null) {
            byEndToEnd.computeIfAbsent(norm(item.endToEndId()), k -> new ArrayList<>()).add(item);
        }
        if (item.remittance() != null) {
            CreditorReference.valid(item.remittance()).ifPresent(ref -> byEndToEnd
                    .computeIfAbsent(ref, k -> new ArrayList<>()).add(item));
        }
        for (String number : item.documentNumbers()) {
            byNumber.computeIfAbsent(norm(number), k -> new ArrayList<>()).add(item);
        }
        byAmount.computeIfAbsent(amountKey(item.amount(), item.currency()), k -> new ArrayList<>()).add(item);
    }

    /** The item is paid now: it is no candidate for later entries. */
    void settled(SuggestionKind kind, long id) {
        OpenItem item = (kind == SuggestionKind.PAYMENT ? payments : documents).remove(id);
        if (item != null) {
            byEndToEnd.values().forEach(l -> l.remove(item));
            byNumber.values().forEach(l -> l.remove(item));
            byAmount.values().forEach(l -> l.remove(item));
        }
    }

    /** The candidates for the entry, best first, at most {@value #MAX_SUGGESTIONS}. */
    List<Scored> rank(BankEntry entry) {
        Direction direction = entry.credit() ? Direction.RECEIVABLE : Direction.PAYABLE;
        Map<OpenItem, Scored> best = new HashMap<>();
        if (entry.endToEndId() != null) {
            for (OpenItem item : byEndToEnd.getOrDefault(norm(entry.endToEndId()), List.of())) {
                offer(best, entry, direction, item, 100, "end-to-end id " + entry.endToEndId());
            }
        }
        Optional<String> rf = CreditorReference.valid(entry.creditorReference());
        if (rf.isPresent()) {
            for (OpenItem item : byEndToEnd.getOrDefault(rf.get(), List.of())) {
                offer(best, entry, direction, item, 90, "creditor reference " + rf.get());
            }
            for (OpenItem item : byNumber.getOrDefault(norm(CreditorReference.payload(rf.get())), List.of())) {
                offer(best, entry, direction, item, 90, "creditor reference " + rf.get() + " names "
                        + CreditorReference.payload(rf.get()));
            }
        } else if (entry.creditorReference() != null) {
            // a plain (non-RF) structured reference is often the invoice number itself
            for (OpenItem item : byNumber.getOrDefault(norm(entry.creditorReference()), List.of())) {
                offer(best, entry, direction, item, 80, "creditor reference " + entry.creditorReference());
            }
        }
        if (entry.remittance() != null) {
            for (String token : TOKEN.split(entry.remittance())) {
                String t = norm(trimPunctuation(token));
                if (t.length() < 3) {
                    continue;
                }
                for (OpenItem item : byNumber.getOrDefault(t, List.of())) {
                    offer(best, entry, direction, item, 80, "document " + trimPunctuation(token)
                            + " in the remittance information");
                }
                // the RF reference written into the free text
                CreditorReference.valid(t).ifPresent(ref -> {
                    for (OpenItem item : byEndToEnd.getOrDefault(ref, List.of())) {
                        offer(best, entry, direction, item, 90, "creditor reference " + ref);
                    }
                });
            }
        }
        for (OpenItem item : byAmount.getOrDefault(amountKey(entry.amount(), entry.currency()), List.of())) {
            if (namesMatch(entry.counterpartyName(), item.partnerName())) {
                offer(best, entry, direction, item, item.kind() == SuggestionKind.PAYMENT ? 70 : 60,
                        "amount and counterparty " + entry.counterpartyName());
            } else {
                offer(best, entry, direction, item, 30, "amount " + entry.amount().toPlainString());
            }
        }
        return best.values().stream()
                .sorted(Comparator.comparingInt(Scored::score).reversed()
                        .thenComparing(s -> s.item().kind())
                        .thenComparingLong(s -> s.item().id()))
                .limit(MAX_SUGGESTIONS)
                .toList();
    }

    /** The one candidate to match without a person, if the evidence is unambiguous. */
    static Optional<Scored> confident(BankEntry entry, List<Scored> ranked) {
        if (ranked.isEmpty() || entry.reversal() || !"BOOK".equals(entry.status())) {
            return Optional.empty();
        }
        Scored top = ranked.get(0);
        long strong = ranked.stream().filter(s -> s.score() >= CONFIDENT).count();
        return top.score() >= CONFIDENT && strong == 1 ? Optional.of(top) : Optional.empty();
    }

    private static void offer(Map<OpenItem, Scored> best, BankEntry entry, Direction direction, OpenItem item,
            int score, String reason) {
        if (item.direction() != direction || !item.currency().equals(entry.currency())) {
            return;
        }
        int s = score;
        String r = reason;
        int cmp = entry.amount().compareTo(item.amount());
        if (score > 50 && cmp != 0) {
            boolean partOfDocument = item.kind() == SuggestionKind.DOCUMENT && cmp < 0;
            s = 50;
            r = reason + (partOfDocument ? ", pays part of the open " : ", but the amount differs from ")
                    + item.amount().toPlainString();
        }
        Scored now = new Scored(item, s, r);
        best.merge(item, now, (a, b) -> a.score() >= b.score() ? a : b);
    }

    static boolean namesMatch(String counterparty, String partner) {
        if (counterparty == null || partner == null) {
            return false;
        }
        String a = letters(counterparty);
        String b = letters(partner);
        if (a.length() < 3 || b.length() < 3) {
            return false;
        }
        return a.contains(b) || b.contains(a);
    }

    private static String letters(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }

    private static String trimPunctuation(String token) {
        return token.replaceAll("^[./_-]+|[./_-]+$", "");
    }

    static String norm(String s) {
        return s.strip().toUpperCase(Locale.ROOT);
    }

    private static String amountKey(BigDecimal amount, String currency) {
        return currency + ":" + amount.stripTrailingZeros().toPlainString();
    }
}
