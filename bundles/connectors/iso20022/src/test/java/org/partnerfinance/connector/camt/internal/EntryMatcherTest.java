package org.partnerfinance.connector.camt.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.Test;
import org.partnerfinance.connector.camt.SuggestionKind;
import org.partnerfinance.documents.api.Direction;

public class EntryMatcherTest {

    private static OpenItem payment(long id, String partnerName, Direction direction, String amount, String e2e,
            String remittance, String... numbers) {
        return new OpenItem(SuggestionKind.PAYMENT, id, 3, "P" + id, partnerName, direction, new BigDecimal(amount),
                "EUR", e2e, remittance, List.of(numbers), List.of(), "payment " + id);
    }

    private static OpenItem document(long id, String partnerName, Direction direction, String open, String number) {
        return new OpenItem(SuggestionKind.DOCUMENT, id, 1, "D" + id, partnerName, direction, new BigDecimal(open),
                "EUR", null, null, List.of(number), List.of(id), "document " + number);
    }

    private static BankEntry credit(String amount, String e2e, String name, String cref, String remittance) {
        return new BankEntry("camt.053", "001.08", "M", "S", "DE89370400440532013000", 1, 0, new BigDecimal(amount),
                "EUR", true, false, "BOOK", LocalDate.of(2026, 11, 2), null, "REF", e2e, name, null, cref,
                remittance);
    }

    @Test
    public void theEndToEndIdWinsAndIsConfident() {
        EntryMatcher m = new EntryMatcher(List.of(payment(1, "Nordwind", Direction.RECEIVABLE, "952.00", "E2E-1",
                null), payment(2, "Nordwind", Direction.RECEIVABLE, "952.00", "E2E-2", null)), List.of());
        BankEntry entry = credit("952", "e2e-1", "Nordwind Distribution AG", null, null);
        List<EntryMatcher.Scored> ranked = m.rank(entry);
        assertEquals(1L, ranked.get(0).item().id());
        assertEquals(100, ranked.get(0).score());
        // the other payment of the same amount and partner is a strong candidate too: a person decides
        assertEquals(70, ranked.get(1).score());
        assertFalse(EntryMatcher.confident(entry, ranked).isPresent());

        EntryMatcher alone = new EntryMatcher(List.of(payment(1, "Nordwind", Direction.RECEIVABLE, "952.00", "E2E-1",
                null), payment(2, "Other", Direction.RECEIVABLE, "952.00", "E2E-2", null)), List.of());
        List<EntryMatcher.Scored> r = alone.rank(entry);
        assertEquals(1L, EntryMatcher.confident(entry, r).orElseThrow().item().id());
        assertEquals(30, r.get(1).score());
    }

    @Test
    public void anRfReferenceMatchesThePaymentThatCarriesItOrTheDocumentItNames() {
        String rf = CreditorReference.of("INV2026815");
        EntryMatcher m = new EntryMatcher(List.of(payment(1, "A", Direction.RECEIVABLE, "100", null, rf)),
                List.of(document(9, "B", Direction.RECEIVABLE, "250.00", "INV2026815")));
        BankEntry byRef = credit("100", null, null, rf, null);
        assertEquals(1L, EntryMatcher.confident(byRef, m.rank(byRef)).orElseThrow().item().id());

        EntryMatcher docs = new EntryMatcher(List.of(), List.of(document(9, "B", Direction.RECEIVABLE, "250.00",
                "INV2026815")));
        BankEntry toDocument = credit("250", null, null, rf.substring(0, 4) + " " + rf.substring(4), null);
        EntryMatcher.Scored s = EntryMatcher.confident(toDocument, docs.rank(toDocument)).orElseThrow();
        assertEquals(SuggestionKind.DOCUMENT, s.item().kind());
        assertEquals(90, s.score());
        // an RF reference with wrong check digits is no evidence
        BankEntry forged = credit("250", null, null, "RF00INV2026815", null);
        assertTrue(docs.rank(forged).stream().allMatch(x -> x.score() < 70));
    }

    @Test
    public void aDocumentNumberInTheRemittanceMatchesWhenTheAmountIsWhatIsOpen() {
        EntryMatcher m = new EntryMatcher(List.of(), List.of(document(5, "Nordwind", Direction.RECEIVABLE, "952.00",
                "INV-2026-0815"), document(6, "Nordwind", Direction.RECEIVABLE, "100.00", "INV-2026-0816")));
        BankEntry entry = credit("952.00", null, null, null, "Invoice INV-2026-0815, thank you");
        EntryMatcher.Scored s = EntryMatcher.confident(entry, m.rank(entry)).orElseThrow();
        assertEquals(5L, s.item().id());
        assertEquals(80, s.score());
        assertTrue(s.reason(), s.reason().contains("INV-2026-0815"));

        BankEntry part = credit("500.00", null, null, null, "INV-2026-0815");
        List<EntryMatcher.Scored> ranked = m.rank(part);
        assertEquals(50, ranked.get(0).score());
        assertTrue(ranked.get(0).reason(), ranked.get(0).reason().contains("pays part of the open 952.00"));
        assertFalse(EntryMatcher.confident(part, ranked).isPresent());
    }

    @Test
    public void aDocumentThatAnOpenPaymentPaysIsMatchedThroughThePayment() {
        OpenItem doc = document(5, "Nordwind", Direction.RECEIVABLE, "952.00", "INV-1");
        OpenItem pay = new OpenItem(SuggestionKind.PAYMENT, 1, 0, "D5", "Nordwind", Direction.RECEIVABLE,
                new BigDecimal("952.00"), "EUR", null, null, List.of("INV-1"), List.of(5L), "payment 1");
        EntryMatcher m = new EntryMatcher(List.of(pay), List.of(doc));
        BankEntry entry = credit("952", null, null, null, "INV-1");
        List<EntryMatcher.Scored> ranked = m.rank(entry);
        assertEquals(1, ranked.size());
        assertEquals(SuggestionKind.PAYMENT, EntryMatcher.confident(entry, ranked).orElseThrow().item().kind());
    }

    @Test
    public void directionAndCurrencyMustFit() {
        EntryMatcher m = new EntryMatcher(List.of(payment(1, "A", Direction.PAYABLE, "952.00", "E2E-1", null)),
                List.of());
        assertTrue(m.rank(credit("952", "E2E-1", null, null, null)).isEmpty());
    }

    @Test
    public void amountAndNameAloneMatchAPaymentOnlyWhenItIsTheOnlyOne() {
        EntryMatcher m = new EntryMatcher(List.of(payment(1, "Südhafen Reseller KG", Direction.RECEIVABLE, "198.00",
                null, null)), List.of());
        BankEntry entry = credit("198", null, "SUDHAFEN RESELLER", null, null);
        // "Süd" and "SUD" differ: only the amount speaks, not enough
        assertFalse(EntryMatcher.confident(entry, m.rank(entry)).isPresent());
        BankEntry named = credit("198", null, "Südhafen Reseller KG, Hamburg", null, null);
        assertEquals(70, EntryMatcher.confident(named, m.rank(named)).orElseThrow().score());
    }

    @Test
    public void nothingIsConfidentForAPendingOrReversedEntry() {
        EntryMatcher m = new EntryMatcher(List.of(payment(1, "A", Direction.RECEIVABLE, "10", "E2E", null)),
                List.of());
        BankEntry pending = new BankEntry("camt.054", "001.04", "M", "S", "A", 1, 0, BigDecimal.TEN, "EUR", true,
                false, "PDNG", LocalDate.of(2026, 1, 1), null, null, "E2E", null, null, null, null);
        assertFalse(EntryMatcher.confident(pending, m.rank(pending)).isPresent());
        BankEntry reversal = new BankEntry("camt.053", "001.04", "M", "S", "A", 1, 0, BigDecimal.TEN, "EUR", true,
                true, "BOOK", LocalDate.of(2026, 1, 1), null, null, "E2E", null, null, null, null);
        assertFalse(EntryMatcher.confident(reversal, m.rank(reversal)).isPresent());
    }

    @Test
    public void aSettledItemIsNoCandidateForLaterEntries() {
        EntryMatcher m = new EntryMatcher(List.of(payment(1, "A", Direction.RECEIVABLE, "10", "E2E", null)),
                List.of());
        BankEntry entry = credit("10", "E2E", null, null, null);
        assertEquals(1, m.rank(entry).size());
        m.settled(SuggestionKind.PAYMENT, 1);
        assertTrue(m.rank(entry).isEmpty());
    }

    @Test
    public void aSettledItemLeavesEveryIndexItWasInAndOnlyThoseItemsStay() {
        String rf = CreditorReference.of("ORDER77");
        // payment 1 is found by end-to-end id, by the RF reference in its remittance, by the number it pays and by
        // amount; payment 2 and document 3 share each of those keys with it
        EntryMatcher m = new EntryMatcher(List.of(payment(1, "A", Direction.RECEIVABLE, "10", "E2E", rf, "INV-7"),
                payment(2, "B", Direction.RECEIVABLE, "10", "E2E", rf, "INV-7")), List.of(document(3, "C",
                        Direction.RECEIVABLE, "10", "INV-8")));
        assertEquals(3, m.size());
        m.settled(SuggestionKind.PAYMENT, 1);
        assertEquals(2, m.size());
        for (BankEntry entry : List.of(credit("10", "E2E", null, null, null), credit("10", null, null, rf, null),
                credit("10", null, null, null, "INV-7"), credit("10", null, null, null, null))) {
            List<Long> ids = m.rank(entry).stream().map(s -> s.item().id()).toList();
            assertFalse(entry + ": " + ids, ids.contains(1L));
            assertTrue(entry + ": " + ids, ids.contains(2L));
        }
        assertEquals(List.of(2L, 3L), m.rank(credit("10", null, null, null, null)).stream()
                .map(s -> s.item().id()).sorted().toList());
        m.settled(SuggestionKind.PAYMENT, 2);
        m.settled(SuggestionKind.DOCUMENT, 3);
        assertEquals(0, m.size());
        assertTrue(m.rank(credit("10", "E2E", null, rf, "INV-7 INV-8")).isEmpty());
    }

    // ---- the counterparty's account (IBAN) ------------------------------------------------------------------------

    /** Valid IBANs (ISO 13616 check digits right). */
    private static final String NORDWIND_IBAN = "DE02120300000000202051";
    private static final String SUEDHAFEN_IBAN = "DE89370400440532013000";

    private static OpenItem doc(long id, String partner, String partnerName, String open, String number,
            LocalDate due) {
        return new OpenItem(SuggestionKind.DOCUMENT, id, 1, partner, partnerName, Direction.RECEIVABLE,
                new BigDecimal(open), "EUR", null, null, List.of(number), List.of(id), partnerName + " " + number,
                due);
    }

    private static BankEntry fromAccount(String amount, String name, String iban, String remittance) {
        return new BankEntry("camt.054", "001.08", "M", "S", "DE89370400440532013000", 1, 0, new BigDecimal(amount),
                "EUR", true, false, "BOOK", LocalDate.of(2026, 11, 2), null, "REF", null, name, iban, null,
                remittance);
    }

    private static EntryMatcher withAccounts(List<OpenItem> payments, List<OpenItem> docs) {
        return new EntryMatcher(payments, docs, EntryMatcher.accountIndex(java.util.Map.of("P-N", NORDWIND_IBAN,
                "P-S", SUEDHAFEN_IBAN)));
    }

    @Test
    public void ibansAreComparedWithoutSpacesAndCaseAndOnlyWithRightCheckDigits() {
        assertEquals(NORDWIND_IBAN, EntryMatcher.iban("de02 1203 0000 0000 2020 51").orElseThrow());
        assertEquals(NORDWIND_IBAN, EntryMatcher.iban(" DE02120300000000202051 ").orElseThrow());
        // one digit off: mod 97 is not 1
        assertFalse(EntryMatcher.iban("DE02120300000000202052").isPresent());
        assertFalse(EntryMatcher.iban("").isPresent());
        assertFalse(EntryMatcher.iban(null).isPresent());
        // an account on file for two partners names neither; an invalid one is left out
        java.util.Map<String, String> index = EntryMatcher.accountIndex(java.util.Map.of("A", NORDWIND_IBAN,
                "B", "de02 1203 0000 0000 2020 51", "C", SUEDHAFEN_IBAN, "D", "DE00123"));
        assertEquals(java.util.Map.of(SUEDHAFEN_IBAN, "C"), index);
    }

    @Test
    public void amountAndAccountMatchADocumentConfidentlyWhereAmountAndNameDoNot() {
        OpenItem invoice = doc(5, "P-N", "Nordwind AG", "952.00", "INV-1", LocalDate.of(2026, 10, 1));
        EntryMatcher m = withAccounts(List.of(), List.of(invoice, doc(6, "P-S", "Südhafen KG", "952.00", "INV-2",
                LocalDate.of(2026, 10, 1))));
        // the bank writes the IBAN in groups and in lower case: still the partner's account
        BankEntry byAccount = fromAccount("952.00", "N. AG", "de02 1203 0000 0000 2020 51", null);
        EntryMatcher.Scored s = EntryMatcher.confident(byAccount, m.rank(byAccount)).orElseThrow();
        assertEquals(5L, s.item().id());
        assertEquals(75, s.score());
        assertTrue(s.reason(), s.reason().contains("counterparty account " + NORDWIND_IBAN));
        assertEquals(30, m.rank(byAccount).get(1).score());

        // the name alone identifies a document less surely: a person decides
        BankEntry byName = fromAccount("952.00", "Nordwind AG", null, null);
        assertEquals(60, m.rank(byName).get(0).score());
        assertFalse(EntryMatcher.confident(byName, m.rank(byName)).isPresent());

        // an account with wrong check digits is no evidence
        BankEntry forged = fromAccount("952.00", null, "DE02120300000000202052", null);
        assertTrue(m.rank(forged).stream().allMatch(x -> x.score() == 30));
    }

    @Test
    public void theAccountRanksAboveTheNameAndTwoItemsOfTheAmountAreAmbiguous() {
        OpenItem byNamePayment = new OpenItem(SuggestionKind.PAYMENT, 1, 0, "P-X", "Südhafen Trading",
                Direction.RECEIVABLE, new BigDecimal("500.00"), "EUR", null, null, List.of(), List.of(), "payment 1");
        OpenItem ofAccount = doc(7, "P-N", "Nordwind AG", "500.00", "INV-7", LocalDate.of(2026, 9, 1));
        EntryMatcher m = withAccounts(List.of(byNamePayment), List.of(ofAccount));
        BankEntry entry = fromAccount("500.00", "Südhafen Trading", NORDWIND_IBAN, null);
        List<EntryMatcher.Scored> ranked = m.rank(entry);
        assertEquals(7L, ranked.get(0).item().id());
        assertEquals(75, ranked.get(0).score());
        assertEquals(70, ranked.get(1).score());
        // two strong candidates of two partners: a person decides
        assertFalse(EntryMatcher.confident(entry, ranked).isPresent());

        // two open items of that amount of the account's partner: ambiguous too
        EntryMatcher twice = withAccounts(List.of(), List.of(ofAccount, doc(8, "P-N", "Nordwind AG", "500.00",
                "INV-8", LocalDate.of(2026, 9, 2))));
        BankEntry plain = fromAccount("500.00", null, NORDWIND_IBAN, null);
        assertEquals(2, twice.rank(plain).stream().filter(x -> x.score() == 75).count());
        assertFalse(EntryMatcher.confident(plain, twice.rank(plain)).isPresent());
    }

    // ---- splits ----------------------------------------------------------------------------------------------------

    @Test
    public void anEntryPayingTwoInvoicesOfTheAccountsPartnerIsSuggestedAsASplit() {
        EntryMatcher m = withAccounts(List.of(), List.of(
                doc(1, "P-N", "Nordwind AG", "100.00", "INV-1", LocalDate.of(2026, 9, 1)),
                doc(2, "P-N", "Nordwind AG", "250.00", "INV-2", LocalDate.of(2026, 9, 15)),
                doc(3, "P-N", "Nordwind AG", "200.00", "INV-3", LocalDate.of(2026, 8, 1)),
                doc(4, "P-S", "Südhafen KG", "150.00", "S-4", LocalDate.of(2026, 8, 1)),
                doc(5, "P-S", "Südhafen KG", "200.00", "S-5", LocalDate.of(2026, 8, 1))));
        BankEntry entry = fromAccount("350.00", null, NORDWIND_IBAN, "October invoices");
        List<EntryMatcher.Scored> ranked = m.rank(entry);
        List<EntryMatcher.Scored> splits = ranked.stream().filter(x -> x.item().kind() == SuggestionKind.SPLIT)
                .toList();
        // INV-3 (due first) + INV-1 + ... : 200 + 100 = 300 no; 100 + 250 = 350 yes; Südhafen's 150 + 200 is not
        // searched (nothing names Südhafen)
        assertEquals(1, splits.size());
        EntryMatcher.Scored split = splits.get(0);
        assertEquals(60, split.score());
        assertEquals(List.of(1L, 2L), split.parts().stream().map(OpenItem::id).toList());
        assertEquals("P-N", split.item().partnerId());
        assertEquals(0, new BigDecimal("350.00").compareTo(split.item().amount()));
        assertTrue(split.reason(), split.reason().contains("INV-1 + INV-2 add up to 350.00"));
        assertTrue(split.reason(), split.reason().contains("counterparty account"));
        // a split is never applied without a person
        assertFalse(EntryMatcher.confident(entry, ranked).isPresent());
    }

    @Test
    public void documentsTheRemittanceNamesArePreferredAndTiesAreAllSuggested() {
        List<OpenItem> docs = List.of(
                doc(1, "P-N", "Nordwind AG", "100.00", "INV-1", LocalDate.of(2026, 9, 1)),
                doc(2, "P-N", "Nordwind AG", "200.00", "INV-2", LocalDate.of(2026, 9, 2)),
                doc(3, "P-N", "Nordwind AG", "100.00", "INV-3", LocalDate.of(2026, 9, 3)),
                doc(4, "P-N", "Nordwind AG", "200.00", "INV-4", LocalDate.of(2026, 9, 4)));
        EntryMatcher m = withAccounts(List.of(), docs);
        BankEntry named = fromAccount("300.00", null, null, "Payment INV-3 and INV-4");
        List<EntryMatcher.Scored> ranked = m.rank(named);
        EntryMatcher.Scored first = ranked.get(0);
        assertEquals(SuggestionKind.SPLIT, first.item().kind());
        assertEquals(65, first.score());
        assertEquals(List.of(3L, 4L), first.parts().stream().map(OpenItem::id).toList());
        assertTrue(first.reason(), first.reason().contains("all named in the remittance"));

        // without names, by the account: four pairs add up equally (a tie): the oldest ones first, none automatic
        BankEntry unnamed = fromAccount("300.00", null, NORDWIND_IBAN, null);
        List<EntryMatcher.Scored> tie = m.rank(unnamed);
        assertEquals(List.of(List.of(1L, 2L), List.of(1L, 4L), List.of(2L, 3L)), tie.stream()
                .filter(x -> x.item().kind() == SuggestionKind.SPLIT)
                .map(x -> x.parts().stream().map(OpenItem::id).toList()).toList());
        assertTrue(tie.stream().allMatch(x -> x.score() == 60));
        assertFalse(EntryMatcher.confident(unnamed, tie).isPresent());
    }

    @Test
    public void noSplitIsSearchedWhenOneItemMatchesOrNothingNamesAPartner() {
        EntryMatcher m = withAccounts(List.of(), List.of(
                doc(1, "P-N", "Nordwind AG", "100.00", "INV-1", LocalDate.of(2026, 9, 1)),
                doc(2, "P-N", "Nordwind AG", "200.00", "INV-2", LocalDate.of(2026, 9, 2)),
                doc(3, "P-N", "Nordwind AG", "300.00", "INV-3", LocalDate.of(2026, 9, 3))));
        // INV-3 alone is the confident match
        BankEntry single = fromAccount("300.00", null, NORDWIND_IBAN, null);
        List<EntryMatcher.Scored> ranked = m.rank(single);
        assertTrue(ranked.stream().noneMatch(x -> x.item().kind() == SuggestionKind.SPLIT));
        assertEquals(3L, EntryMatcher.confident(single, ranked).orElseThrow().item().id());
        // nothing names the partner: its documents are not searched
        BankEntry anonymous = fromAccount("300.00", "Somebody", null, null);
        assertTrue(m.rank(anonymous).stream().noneMatch(x -> x.item().kind() == SuggestionKind.SPLIT));
        // the counterparty's name names it
        BankEntry byName = fromAccount("300.00", "NORDWIND AG, Bremen", null, null);
        List<EntryMatcher.Scored> splits = m.rank(byName).stream()
                .filter(x -> x.item().kind() == SuggestionKind.SPLIT).toList();
        assertEquals(1, splits.size());
        assertEquals(55, splits.get(0).score());
    }

    @Test
    public void aSplitUsesAtMostTheTwentyOldestOfAPartnersDocumentsAndFourParts() {
        List<OpenItem> docs = new java.util.ArrayList<>();
        for (int i = 1; i <= 25; i++) {
            docs.add(doc(i, "P-N", "Nordwind AG", i <= 20 ? "1.00" : "7.00", "INV-" + i,
                    LocalDate.of(2026, 1, 1).plusDays(i)));
        }
        EntryMatcher m = withAccounts(List.of(), docs);
        // 7 + 7 is only among the documents due after the twenty oldest
        BankEntry entry = fromAccount("14.00", null, NORDWIND_IBAN, null);
        assertTrue(m.rank(entry).isEmpty());
        // unless the remittance names them
        BankEntry named = fromAccount("14.00", null, NORDWIND_IBAN, "INV-21 INV-22");
        assertEquals(List.of(21L, 22L), m.rank(named).stream().filter(x -> x.item().kind() == SuggestionKind.SPLIT)
                .findFirst().orElseThrow().parts().stream().map(OpenItem::id).toList());
        // five documents of 1.00 are no split, four are
        assertTrue(m.rank(fromAccount("5.00", null, NORDWIND_IBAN, null)).isEmpty());
        List<EntryMatcher.Scored> four = m.rank(fromAccount("4.00", null, NORDWIND_IBAN, null));
        assertEquals(List.of(1L, 2L, 3L, 4L), four.get(0).parts().stream().map(OpenItem::id).toList());
        assertEquals(EntryMatcher.MAX_SPLITS_PER_PARTNER, four.size());
    }

    @Test
    public void aSettledDocumentIsNoPartOfALaterSplit() {
        EntryMatcher m = withAccounts(List.of(), List.of(
                doc(1, "P-N", "Nordwind AG", "100.00", "INV-1", LocalDate.of(2026, 9, 1)),
                doc(2, "P-N", "Nordwind AG", "200.00", "INV-2", LocalDate.of(2026, 9, 2))));
        BankEntry entry = fromAccount("300.00", null, NORDWIND_IBAN, null);
        assertEquals(1, m.rank(entry).size());
        m.settled(SuggestionKind.DOCUMENT, 2);
        assertTrue(m.rank(entry).isEmpty());
    }
}
