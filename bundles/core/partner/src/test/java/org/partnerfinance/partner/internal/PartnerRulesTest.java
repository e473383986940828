package org.partnerfinance.partner.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import org.junit.Test;

public class PartnerRulesTest {

    @Test
    public void wellFormedIdsAreAccepted() {
        assertEquals("P-1001", PartnerRules.checkId("P-1001"));
        assertEquals("P-0000000001", PartnerRules.checkId("P-0000000001"));
    }

    @Test
    public void malformedIdsAreRejected() {
        for (String id : new String[] {null, "", "1001", "p-1001", "P-101", "P-10010010010", "P-10a1", " P-1001",
                "P-1001 ", "P-1001\n", "X-1001"}) {
            assertThrows(String.valueOf(id), IllegalArgumentException.class, () -> PartnerRules.checkId(id));
        }
    }

    @Test
    public void namesAreTrimmed() {
        assertEquals("Acme Distribution GmbH", PartnerRules.checkName("  Acme Distribution GmbH "));
    }

    @Test
    public void blankNamesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> PartnerRules.checkName(null));
        assertThrows(IllegalArgumentException.class, () -> PartnerRules.checkName("   "));
    }

    @Test
    public void overlongNamesAreRejected() {
        assertEquals(200, PartnerRules.checkName("x".repeat(200)).length());
        assertThrows(IllegalArgumentException.class, () -> PartnerRules.checkName("x".repeat(201)));
    }

    @Test
    public void namesWithControlCharactersAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> PartnerRules.checkName("Acme\nEvil"));
        assertThrows(IllegalArgumentException.class, () -> PartnerRules.checkName("Acme\u0000"));
    }
}
