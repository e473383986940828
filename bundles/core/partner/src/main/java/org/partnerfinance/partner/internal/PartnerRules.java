package org.partnerfinance.partner.internal;

import java.util.Locale;
import java.util.Set;

import org.partnerfinance.partner.api.BankAccount;
import org.partnerfinance.partner.api.PartnerDetails;
import org.partnerfinance.partner.api.PartnerValidationException;

import java.util.regex.Pattern;

/** Validation of partner ids and names. */
final class PartnerRules {

    /** {@code P-} followed by four to ten digits, e.g. {@code P-1001}. */
    static final Pattern ID = Pattern.compile("P-[0-9]{4,10}");
    static final int MAX_NAME = 200;

    /** Two-letter country prefix and 2 to 13 letters, digits, + or * (EU VAT numbers and most others). */
    static final Pattern VAT = Pattern.compile("[A-Z]{2}[A-Z0-9+*]{2,13}");
    /** ISO 6523 scheme (four digits) and the identifier within it, e.g. 0088:5790000435968. */
    static final Pattern PEPPOL = Pattern.compile("[0-9]{4}:[A-Za-z0-9._\\-]{1,50}");
    static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    static final int MAX_TERMS_DAYS = 365;

    private PartnerRules() {
    }

    /**
     * Checks master data and returns it normalised (VAT id upper case without separators, Peppol id scheme:value).
     *
     * @throws PartnerValidationException naming the field at fault
     */
    static PartnerDetails check(PartnerDetails d) {
        String name;
        try {
            name = checkName(d.name());
        } catch (IllegalArgumentException e) {
            throw new PartnerValidationException("name", e.getMessage());
        }
        if (d.kind() == null) {
            throw new PartnerValidationException("kind", "Choose whether the partner is a distributor, reseller or vendor.");
        }
        if (d.defaultCurrency() == null) {
            throw new PartnerValidationException("defaultCurrency", "Choose the partner's default currency.");
        }
        String vat = d.vatId().isEmpty() ? "" : vatKey(d.vatId());
        if (!vat.isEmpty() && !VAT.matcher(vat).matches()) {
            throw new PartnerValidationException("vatId",
                    "A VAT id starts with its two-letter country code followed by 2 to 13 letters or digits, e.g. DE123456789.");
        }
        String peppol = d.peppolId();
        if (!peppol.isEmpty() && !PEPPOL.matcher(peppol).matches()) {
            throw new PartnerValidationException("peppolId",
                    "A Peppol id is scheme:value with a four-digit scheme, e.g. 0088:5790000435968.");
        }
        if (d.paymentTermsDays() < 0 || d.paymentTermsDays() > MAX_TERMS_DAYS) {
            throw new PartnerValidationException("paymentTermsDays",
                    "Payment terms are between 0 and " + MAX_TERMS_DAYS + " days.");
        }
        String country = d.address().countryCode();
        if (!country.isEmpty() && !Set.of(Locale.getISOCountries()).contains(country)) {
            throw new PartnerValidationException("address.countryCode",
                    "Use the two-letter ISO country code, e.g. DE or US.");
        }
        if (d.address().street().length() > 300 || d.address().postalCode().length() > 20
                || d.address().city().length() > 100) {
            throw new PartnerValidationException("address", "The address is too long (street 300, postal code 20, city 100 characters).");
        }
        String email = d.dunningContact().email();
        if (!email.isEmpty() && (email.length() > 200 || !EMAIL.matcher(email).matches())) {
            throw new PartnerValidationException("dunningContact.email", "Enter the dunning contact's e-mail address as name@example.com.");
        }
        if (d.dunningContact().name().length() > 100 || d.dunningContact().phone().length() > 50) {
            throw new PartnerValidationException("dunningContact", "The dunning contact's name has at most 100 and the phone at most 50 characters.");
        }
        BankAccount account = checkBankAccount(d.bankAccount());
        return new PartnerDetails(name, d.kind(), d.defaultCurrency(), d.allowedCurrencies(), vat, peppol,
                d.address(), d.paymentTermsDays(), d.dunningContact(), d.active(), account);
    }

    /** A bank account with a valid IBAN (mod 97), an optional well-formed BIC and holder name; or none at all. */
    static BankAccount checkBankAccount(BankAccount a) {
        if (a.iban().isEmpty()) {
            if (!a.bic().isEmpty() || !a.holder().isEmpty()) {
                throw new PartnerValidationException("bankAccount.iban", "Enter the IBAN of the account, or clear "
                        + "the BIC and holder too.");
            }
            return BankAccount.NONE;
        }
        if (!BankAccount.isValidIban(a.iban())) {
            throw new PartnerValidationException("bankAccount.iban", "The IBAN " + a.iban() + " is not valid: it "
                    + "starts with the country code and two check digits, e.g. DE89 3704 0044 0532 0130 00, and its "
                    + "check digits must match.");
        }
        if (!a.bic().isEmpty() && !BankAccount.isValidBic(a.bic())) {
            throw new PartnerValidationException("bankAccount.bic", "A BIC has 8 or 11 letters and digits, e.g. "
                    + "COBADEFFXXX.");
        }
        if (a.holder().length() > 70 || a.holder().chars().anyMatch(Character::isISOControl)) {
            throw new PartnerValidationException("bankAccount.holder", "The account holder's name has at most 70 "
                    + "characters on one line.");
        }
        return a;
    }

    /** A VAT id as compared: upper case, without spaces, dots and dashes. */
    static String vatKey(String vatId) {
        return vatId.replaceAll("[\\s.\\-]", "").toUpperCase(Locale.ROOT);
    }

    /** A Peppol id as compared: lower case (identifiers are case-insensitive in Peppol). */
    static String peppolKey(String peppolId) {
        return peppolId.strip().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException for an id that is not of the form P-1001 */
    static String checkId(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("A partner id is P- followed by 4 to 10 digits, e.g. P-1001.");
        }
        return id;
    }

    /**
     * Trims a name and checks it.
     *
     * @throws IllegalArgumentException for a blank or too long name, or one with control characters
     */
    static String checkName(String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("Enter the partner's name.");
        }
        if (trimmed.length() > MAX_NAME) {
            throw new IllegalArgumentException("A partner name has at most " + MAX_NAME + " characters.");
        }
        if (trimmed.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("A partner name cannot contain line breaks or control characters.");
        }
        return trimmed;
    }
}
