package org.partnerfinance.partner.api;

import java.math.BigInteger;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The account a partner is paid to (1.1): what a credit transfer (ISO 20022 pain.001) names as the creditor's account.
 * The parts are normalised as stored: the IBAN and BIC in upper case without spaces, the holder's name trimmed. Whether
 * they are valid is checked by {@link PartnerService#update} (refused naming the field {@code bankAccount.iban},
 * {@code bankAccount.bic} or {@code bankAccount.holder}); {@link #isValidIban} and {@link #isValidBic} are the same
 * checks for callers that must refuse a payment before it reaches the bank.
 *
 * @param iban   International Bank Account Number (ISO 13616), e.g. {@code DE89370400440532013000}; blank when unknown
 * @param bic    Business Identifier Code of the partner's bank (ISO 9362, 8 or 11 characters); may be blank
 * @param holder the account holder's name as the bank knows it; blank means the partner's own name
 */
public record BankAccount(String iban, String bic, String holder) {

    /** No account on file. */
    public static final BankAccount NONE = new BankAccount("", "", "");

    /** ISO 9362: 4 letters or digits for the institution, 2 letters for the country, 2 for the location, 3 for a branch. */
    private static final Pattern BIC = Pattern.compile("[A-Z0-9]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?");
    /** ISO 13616: country code, two check digits, up to 30 letters or digits. */
    private static final Pattern IBAN = Pattern.compile("[A-Z]{2}[0-9]{2}[A-Z0-9]{1,30}");
    private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

    public BankAccount {
        iban = normalise(iban);
        bic = normalise(bic);
        holder = holder == null ? "" : holder.strip();
    }

    /** Whether an IBAN is on file. */
    public boolean isEmpty() {
        return iban.isEmpty();
    }

    /** An IBAN or BIC as stored: upper case, without spaces (people write IBANs in groups of four). */
    public static String normalise(String code) {
        return code == null ? "" : code.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
    }

    /**
     * Whether an IBAN is well-formed and its check digits are right (ISO 13616 / ISO 7064 mod 97-10: the country code
     * and check digits moved to the end, letters as 10 to 35, the number modulo 97 is 1). Spaces and case are ignored.
     */
    public static boolean isValidIban(String iban) {
        String s = normalise(iban);
        if (!IBAN.matcher(s).matches() || !Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2)
                .contains(s.substring(0, 2))) {
            return false;
        }
        String rearranged = s.substring(4) + s.substring(0, 4);
        StringBuilder digits = new StringBuilder(rearranged.length() * 2);
        for (char c : rearranged.toCharArray()) {
            digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        return new BigInteger(digits.toString()).mod(NINETY_SEVEN).intValue() == 1;
    }

    /** Whether a BIC has the form of ISO 9362 (8 or 11 characters). Spaces and case are ignored. */
    public static boolean isValidBic(String bic) {
        return BIC.matcher(normalise(bic)).matches();
    }
}
