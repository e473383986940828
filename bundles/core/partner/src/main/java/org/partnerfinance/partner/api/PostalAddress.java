package org.partnerfinance.partner.api;

/**
 * A postal address as invoices and statements print it.
 *
 * @param street      street and number (may span lines separated by {@code \n})
 * @param postalCode  postal code
 * @param city        city
 * @param countryCode ISO 3166-1 alpha-2 country code, e.g. {@code DE}
 */
public record PostalAddress(String street, String postalCode, String city, String countryCode) {

    /** An address with nothing filled in. */
    public static final PostalAddress EMPTY = new PostalAddress("", "", "", "");

    public PostalAddress {
        street = street == null ? "" : street.strip();
        postalCode = postalCode == null ? "" : postalCode.strip();
        city = city == null ? "" : city.strip();
        countryCode = countryCode == null ? "" : countryCode.strip().toUpperCase(java.util.Locale.ROOT);
    }

    public boolean isEmpty() {
        return street.isEmpty() && postalCode.isEmpty() && city.isEmpty() && countryCode.isEmpty();
    }
}
