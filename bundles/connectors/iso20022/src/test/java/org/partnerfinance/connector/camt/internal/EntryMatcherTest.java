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
}
