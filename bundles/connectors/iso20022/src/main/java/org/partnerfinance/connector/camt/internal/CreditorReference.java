package org.partnerfinance.connector.camt.internal;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Optional;

/**
 * ISO 11649 structured creditor references ({@code RF} + two check digits + up to 21 letters or digits), checked with
 * the ISO 7064 MOD 97-10 check digits like an IBAN.
 */
final class CreditorReference {

    private CreditorReference() {
    }

    /** The reference without spaces and in capitals, if it is a valid RF reference. */
    static Optional<String> valid(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String ref = text.replace(" ", "").toUpperCase(Locale.ROOT);
        if (!ref.matches("RF[0-9]{2}[A-Z0-9]{1,21}")) {
            return Optional.empty();
        }
        String rearranged = ref.substring(4) + ref.substring(0, 4);
        StringBuilder digits = new StringBuilder();
        for (char c : rearranged.toCharArray()) {
            digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        return new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue() == 1 ? Optional.of(ref)
                : Optional.empty();
    }

    /** What the creditor put behind the check digits (e.g. an invoice number). */
    static String payload(String validReference) {
        return validReference.substring(4);
    }

    /** Makes a valid RF reference of a payload (tests and documentation use it). */
    static String of(String payload) {
        String p = payload.replace(" ", "").toUpperCase(Locale.ROOT);
        StringBuilder digits = new StringBuilder();
        for (char c : (p + "RF00").toCharArray()) {
            digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        int check = 98 - new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue();
        return String.format(Locale.ROOT, "RF%02d%s", check, p);
    }
}
