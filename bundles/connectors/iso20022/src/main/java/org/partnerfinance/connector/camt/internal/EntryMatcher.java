package org.partnerfinance.connector.camt.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.partnerfinance.connector.camt.SuggestionKind;
import org.partnerfinance.documents.api.Direction;
import org.partnerfinance.partner.api.BankAccount;

/**
 * Ranks the open payments and documents a bank entry may pay, strongest evidence first:
 * <ol>
 * <li>the payment's end-to-end id (100);</li>
 * <li>a valid ISO 11649 creditor reference ({@code RF..}) that is the payment's reference or names a document (90);
 * </li>
 * <li>a document number in the remittance information (80);</li>
 * <li>amount and the counterparty's account: the entry's counterparty IBAN ({@code RltdPties/DbtrAcct} of a credit,
 * {@code CdtrAcct} of a debit), compared without spaces and case and only when its ISO 13616 check digits are right,
 * is the bank account on file of exactly one partner, and the item is that partner's (75);</li>
 * <li>amount and counterparty name (70 for a payment; 60 for a document);</li>
 * <li>amount alone (30).</li>
 * </ol>
 * An identifier with another amount is only a suggestion (50). The entry is matched without a person when exactly one
 * candidate reaches {@value #CONFIDENT} and it has the best score; otherwise it goes to the reconciliation queue with
 * the candidates as ranked suggestions. The account identifies the partner more surely than a name (names are written
 * in many ways, an IBAN is checked): amount + IBAN with exactly one open item of that amount of that partner is a
 * confident match, also for a document, where amount + name is not. Two open items of that amount, or another
 * partner's item of the same amount whose name matches, make it ambiguous: a person decides.
 *
 * <p>When no single item is a strong candidate, the matcher also looks for a <em>split</em>: 2 to
 * {@value Splits#MAX_PARTS} open invoices of one partner whose open amounts add up exactly to the entry. It searches
 * the partners the entry names (by account, by a document number in the remittance, by name; at most
 * {@value #MAX_SPLIT_PARTNERS}), each over at most {@value Splits#MAX_ITEMS} of its invoices (those the remittance
 * names first, then the oldest due). Sets whose documents the remittance names all score 65, a set of the partner the
 * account names 60, others 55 (documents named first, then fewer documents, then older ones); a split is never
 * applied without a person.
 *
 * <p>Indexes by end-to-end id, document number, amount and partner keep each entry's look-up independent of how many
 * items are open.
 */
final class EntryMatcher {

    static final int CONFIDENT = 70;
    static final int MAX_SUGGESTIONS = 5;
    /** Partners searched for a split of one entry. */
    static final int MAX_SPLIT_PARTNERS = 3;
    /** Split suggestions per partner. */
    static final int MAX_SPLITS_PER_PARTNER = 3;
    private static final Pattern TOKEN = Pattern.compile("[^\\p{Alnum}/_.-]+");
    private static final Comparator<OpenItem> OLDEST_DUE_FIRST = Comparator.comparing(OpenItem::dueDate,
            Comparator.nullsLast(Comparator.naturalOrder())).thenComparingLong(OpenItem::id);

    /**
     * One ranked candidate.
     *
     * @param parts the documents of a {@link SuggestionKind#SPLIT split}, each with its open amount; empty otherwise
     */
    record Scored(OpenItem item, int score, String reason, List<OpenItem> parts) {

        Scored {
            parts = List.copyOf(parts);
        }

        Scored(OpenItem item, int score, String reason) {
            this(item, score, reason, List.of());
        }
    }

    private final Map<Long, OpenItem> payments = new HashMap<>();
    private final Map<Long, OpenItem> documents = new HashMap<>();
    private final Map<String, List<OpenItem>> byEndToEnd = new HashMap<>();
    private final Map<String, List<OpenItem>> byNumber = new HashMap<>();
    private final Map<String, List<OpenItem>> byAmount = new HashMap<>();
    /** Each partner's open documents, oldest due first. */
    private final Map<String, List<OpenItem>> byPartner = new HashMap<>();
    private final Map<String, String> partnerNames = new HashMap<>();
    /** The partners' names as compared ({@link #letters}), computed once: splits compare every partner's. */
    private final Map<String, String> partnerLetters = new HashMap<>();
    /** A partner's bank account (normalised IBAN) to the partner. */
    private final Map<String, String> partnerByIban;

    EntryMatcher(List<OpenItem> openPayments, List<OpenItem> openDocuments) {
        this(openPayments, openDocuments, Map.of());
    }

    /**
     * @param partnerByIban the partners' bank accounts, see {@link #accountIndex}
     */
    EntryMatcher(List<OpenItem> openPayments, List<OpenItem> openDocuments, Map<String, String> partnerByIban) {
        this.partnerByIban = Map.copyOf(partnerByIban);
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
                byPartner.computeIfAbsent(d.partnerId(), k -> new ArrayList<>()).add(d);
                if (d.partnerName() != null) {
                    partnerNames.putIfAbsent(d.partnerId(), d.partnerName());
                    partnerLetters.putIfAbsent(d.partnerId(), letters(d.partnerName()));
                }
            }
        }
        byPartner.values().forEach(l -> l.sort(OLDEST_DUE_FIRST));
    }

    /**
     * The partners' bank accounts as the matcher looks them up: partner id to IBAN in, valid IBAN (normalised: upper
     * case, no spaces) to partner out. An account on file for two partners identifies neither and is left out.
     */
    static Map<String, String> accountIndex(Map<String, String> ibanByPartner) {
        Map<String, String> out = new HashMap<>();
        Set<String> shared = new HashSet<>();
        ibanByPartner.forEach((partner, raw) -> iban(raw).ifPresent(iban -> {
            String before = out.putIfAbsent(iban, partner);
            if (before != null && !before.equals(partner)) {
                shared.add(iban);
            }
        }));
        shared.forEach(out::remove);
        return out;
    }

    /** An IBAN as evidence: normalised, and only when its ISO 13616 check digits (mod 97) are right. */
    static Optional<String> iban(String raw) {
        String s = BankAccount.normalise(raw);
        return !s.isEmpty() && BankAccount.isValidIban(s) ? Optional.of(s) : Optional.empty();
    }

    /** The partner whose bank account the entry's counterparty account is, if exactly one. */
    Optional<String> partnerOfAccount(String counterpartyIban) {
        return iban(counterpartyIban).map(partnerByIban::get);
    }

    private void index(OpenItem item) {
        for (String key : endToEndKeys(item)) {
            byEndToEnd.computeIfAbsent(key, k -> new ArrayList<>()).add(item);
        }
        for (String number : item.documentNumbers()) {
            byNumber.computeIfAbsent(norm(number), k -> new ArrayList<>()).add(item);
        }
        byAmount.computeIfAbsent(amountKey(item.amount(), item.currency()), k -> new ArrayList<>()).add(item);
    }

    /** How many open items (payments and documents no open payment pays) the matcher holds. */
    int size() {
        return payments.size() + documents.size();
    }

    /** Where an item is found by reference: its end-to-end id and a valid RF reference in its remittance. */
    private static List<String> endToEndKeys(OpenItem item) {
        List<String> keys = new ArrayList<>(2);
        if (item.endToEndId() != null) {
            keys.add(norm(item.endToEndId()));
        }
        if (item.remittance() != null) {
            CreditorReference.valid(item.remittance()).ifPresent(keys::add);
        }
        return keys;
    }

    /** The item is paid now: it is no candidate for later entries. */
    void settled(SuggestionKind kind, long id) {
        OpenItem item = (kind == SuggestionKind.PAYMENT ? payments : documents).remove(id);
        if (item != null) {
            // only the lists index() put it in: going through every list cost each confirmation time in proportion
            // to all open items
            for (String key : endToEndKeys(item)) {
                unindex(byEndToEnd, key, item);
            }
            for (String number : item.documentNumbers()) {
                unindex(byNumber, norm(number), item);
            }
            unindex(byAmount, amountKey(item.amount(), item.currency()), item);
            List<OpenItem> ofPartner = byPartner.get(item.partnerId());
            if (ofPartner != null) {
                ofPartner.remove(item);
            }
        }
    }

    private static void unindex(Map<String, List<OpenItem>> index, String key, OpenItem item) {
        List<OpenItem> items = index.get(key);
        if (items != null) {
            items.remove(item);
            if (items.isEmpty()) {
                index.remove(key);
            }
        }
    }

    /** The candidates for the entry, best first, at most {@value #MAX_SUGGESTIONS}. */
    List<Scored> rank(BankEntry entry) {
        Direction direction = entry.credit() ? Direction.RECEIVABLE : Direction.PAYABLE;
        Map<OpenItem, Scored> best = new HashMap<>();
        // the documents the entry names (reference or remittance): preferred in a split
        Set<Long> named = new HashSet<>();
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
                if (item.kind() == SuggestionKind.DOCUMENT) {
                    named.add(item.id());
                }
            }
        } else if (entry.creditorReference() != null) {
            // a plain (non-RF) structured reference is often the invoice number itself
            for (OpenItem item : byNumber.getOrDefault(norm(entry.creditorReference()), List.of())) {
                offer(best, entry, direction, item, 80, "creditor reference " + entry.creditorReference());
                if (item.kind() == SuggestionKind.DOCUMENT) {
                    named.add(item.id());
                }
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
                    if (item.kind() == SuggestionKind.DOCUMENT) {
                        named.add(item.id());
                    }
                }
                // the RF reference written into the free text
                CreditorReference.valid(t).ifPresent(ref -> {
                    for (OpenItem item : byEndToEnd.getOrDefault(ref, List.of())) {
                        offer(best, entry, direction, item, 90, "creditor reference " + ref);
                    }
                });
            }
        }
        String accountPartner = partnerOfAccount(entry.counterpartyIban()).orElse(null);
        for (OpenItem item : byAmount.getOrDefault(amountKey(entry.amount(), entry.currency()), List.of())) {
            if (accountPartner != null && accountPartner.equals(item.partnerId())) {
                offer(best, entry, direction, item, 75, "amount and counterparty account "
                        + BankAccount.normalise(entry.counterpartyIban()));
            } else if (namesMatch(entry.counterpartyName(), item.partnerName())) {
                offer(best, entry, direction, item, item.kind() == SuggestionKind.PAYMENT ? 70 : 60,
                        "amount and counterparty " + entry.counterpartyName());
            } else {
                offer(best, entry, direction, item, 30, "amount " + entry.amount().toPlainString());
            }
        }
        List<Scored> ranked = new ArrayList<>(best.values());
        if (ranked.stream().noneMatch(s -> s.score() >= CONFIDENT)) {
            ranked.addAll(splits(entry, direction, accountPartner, named));
        }
        return ranked.stream()
                .sorted(Comparator.comparingInt(Scored::score).reversed()
                        .thenComparing(s -> s.item().kind())
                        .thenComparingLong(s -> s.item().id())
                        .thenComparing(s -> s.item().label()))
                .limit(MAX_SUGGESTIONS)
                .toList();
    }

    /**
     * Sets of open invoices of the partners the entry names whose open amounts add up to the entry exactly, best
     * first per partner.
     */
    private List<Scored> splits(BankEntry entry, Direction direction, String accountPartner, Set<Long> named) {
        // which partners, surest first: the account's, those of the named documents, those the name fits
        Set<String> partners = new LinkedHashSet<>();
        if (accountPartner != null) {
            partners.add(accountPartner);
        }
        named.stream().map(documents::get).filter(java.util.Objects::nonNull).sorted(OLDEST_DUE_FIRST)
                .forEach(d -> partners.add(d.partnerId()));
        if (entry.counterpartyName() != null && partners.size() < MAX_SPLIT_PARTNERS) {
            String counterparty = letters(entry.counterpartyName());
            partnerLetters.entrySet().stream().filter(e -> lettersMatch(counterparty, e.getValue()))
                    .map(Map.Entry::getKey).sorted().forEach(partners::add);
        }
        List<Scored> out = new ArrayList<>();
        int searched = 0;
        for (String partner : partners) {
            if (searched++ == MAX_SPLIT_PARTNERS) {
                break;
            }
            List<OpenItem> pool = new ArrayList<>();
            List<OpenItem> all = byPartner.getOrDefault(partner, List.of());
            for (OpenItem d : all) {
                if (named.contains(d.id()) && fitsSplit(entry, direction, d)) {
                    pool.add(d);
                }
            }
            for (OpenItem d : all) {
                if (pool.size() >= Splits.MAX_ITEMS) {
                    break;
                }
                if (!named.contains(d.id()) && fitsSplit(entry, direction, d)) {
                    pool.add(d);
                }
            }
            List<int[]> sets = new ArrayList<>(Splits.exactSets(entry.amount(),
                    pool.stream().map(OpenItem::amount).toList(), Splits.MAX_PARTS));
            // documents the remittance names first, then fewer documents; the search found older ones first
            sets.sort(Comparator.comparingInt((int[] set) -> -namedCount(set, pool, named))
                    .thenComparingInt(set -> set.length));
            String basis = partner.equals(accountPartner)
                    ? "counterparty account " + BankAccount.normalise(entry.counterpartyIban())
                    : namesMatch(entry.counterpartyName(), partnerNames.get(partner))
                            ? "counterparty " + entry.counterpartyName()
                            : "documents named in the remittance information";
            for (int[] set : sets.subList(0, Math.min(MAX_SPLITS_PER_PARTNER, sets.size()))) {
                List<OpenItem> parts = new ArrayList<>();
                for (int i : set) {
                    parts.add(pool.get(i));
                }
                boolean allNamed = namedCount(set, pool, named) == set.length;
                int score = allNamed ? 65 : partner.equals(accountPartner) ? 60 : 55;
                String numbers = String.join(" + ", parts.stream().map(p -> p.documentNumbers().get(0)).toList());
                OpenItem first = parts.get(0);
                String name = first.partnerName() == null ? partner : first.partnerName();
                OpenItem split = new OpenItem(SuggestionKind.SPLIT, first.id(), 0, partner, first.partnerName(),
                        direction, entry.amount(), entry.currency(), null, null,
                        parts.stream().map(p -> p.documentNumbers().get(0)).toList(),
                        parts.stream().map(OpenItem::id).toList(), name + " · split " + numbers, first.dueDate());
                out.add(new Scored(split, score, "open amounts of " + numbers + " add up to "
                        + entry.amount().toPlainString() + (allNamed ? ", all named in the remittance information"
                        : "") + "; " + basis, parts));
            }
        }
        return out;
    }

    private static boolean fitsSplit(BankEntry entry, Direction direction, OpenItem d) {
        // each part of a set of two or more is less than the whole
        return d.direction() == direction && d.currency().equals(entry.currency()) && d.amount().signum() > 0
                && d.amount().compareTo(entry.amount()) < 0;
    }

    private static int namedCount(int[] set, List<OpenItem> pool, Set<Long> named) {
        int n = 0;
        for (int i : set) {
            if (named.contains(pool.get(i).id())) {
                n++;
            }
        }
        return n;
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
        return lettersMatch(letters(counterparty), letters(partner));
    }

    private static boolean lettersMatch(String a, String b) {
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
