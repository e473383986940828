package org.partnerfinance.partner.api;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

/** ISO 13616 IBAN check digits (mod 97-10), ISO 9362 BIC form, normalisation. */
public class BankAccountTest {

    @Test
    public void acceptsIbansWithRightCheckDigitsWrittenAnyWay() {
        // the examples of the IBAN registry and ISO 13616
        assertTrue(BankAccount.isValidIban("DE89370400440532013000"));
        assertTrue(BankAccount.isValidIban("DE89 3704 0044 0532 0130 00"));
        assertTrue(BankAccount.isValidIban("gb29 nwbk 6016 1331 9268 19"));
        assertTrue(BankAccount.isValidIban("FR1420041010050500013M02606"));
        assertTrue(BankAccount.isValidIban("AT611904300234573201"));
        assertTrue(BankAccount.isValidIban("BE68539007547034"));
    }

    @Test
    public void refusesWrongCheckDigitsAndMalformedIbans() {
        assertFalse("one digit changed", BankAccount.isValidIban("DE89370400440532013001"));
        assertFalse("two digits swapped", BankAccount.isValidIban("DE89370400440532031000"));
        assertFalse("check digits changed", BankAccount.isValidIban("DE88370400440532013000"));
        assertFalse("no such country", BankAccount.isValidIban("XX89370400440532013000"));
        assertFalse("letters as check digits", BankAccount.isValidIban("DEAB370400440532013000"));
        assertFalse("punctuation", BankAccount.isValidIban("DE89-3704-0044-0532-0130-00"));
        assertFalse("too long", BankAccount.isValidIban("DE89" + "1".repeat(31)));
        assertFalse(BankAccount.isValidIban(""));
        assertFalse(BankAccount.isValidIban(null));
    }

    @Test
    public void bicsHaveEightOrElevenCharacters() {
        assertTrue(BankAccount.isValidBic("COBADEFF"));
        assertTrue(BankAccount.isValidBic("cobadeffxxx"));
        assertTrue(BankAccount.isValidBic("BYLADEM1001"));
        assertFalse(BankAccount.isValidBic("COBADEF"));
        assertFalse(BankAccount.isValidBic("COBADEFFXX"));
        assertFalse("country must be letters", BankAccount.isValidBic("COBA12FF"));
        assertFalse(BankAccount.isValidBic(""));
    }

    @Test
    public void partsAreStoredNormalised() {
        BankAccount a = new BankAccount(" de89 3704 0044 0532 0130 00 ", "cobadeff ", "  Acme Ltd ");
        assertEquals("DE89370400440532013000", a.iban());
        assertEquals("COBADEFF", a.bic());
        assertEquals("Acme Ltd", a.holder());
        assertFalse(a.isEmpty());
        assertTrue(new BankAccount(null, null, null).isEmpty());
        assertEquals(BankAccount.NONE, new BankAccount(null, null, null));
    }
}
