package org.partnerfinance.connector.camt.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

import java.util.Optional;

import org.junit.Test;

public class CreditorReferenceTest {

    @Test
    public void theIsoExampleIsValidWithAndWithoutSpaces() {
        assertEquals(Optional.of("RF18539007547034"), CreditorReference.valid("RF18 5390 0754 7034"));
        assertEquals(Optional.of("RF18539007547034"), CreditorReference.valid("rf18539007547034"));
        assertEquals("539007547034", CreditorReference.payload("RF18539007547034"));
    }

    @Test
    public void wrongCheckDigitsAndShapesAreRefused() {
        assertFalse(CreditorReference.valid("RF19539007547034").isPresent());
        assertFalse(CreditorReference.valid("RF18539007547035").isPresent());
        assertFalse(CreditorReference.valid("RF18").isPresent());
        assertFalse(CreditorReference.valid("RF18" + "1".repeat(22)).isPresent());
        assertFalse(CreditorReference.valid("XX18539007547034").isPresent());
        assertFalse(CreditorReference.valid(null).isPresent());
    }

    @Test
    public void referencesMadeOfAPayloadAreValid() {
        for (String payload : new String[] {"INV20260815", "2348231", "A", "ZZZZZZZZZZZZZZZZZZZZZ"}) {
            String ref = CreditorReference.of(payload);
            assertEquals(ref, Optional.of(ref), CreditorReference.valid(ref));
            assertEquals(payload, CreditorReference.payload(ref));
        }
        assertEquals("RF712348231", CreditorReference.of("2348231"));
    }
}
