package org.partnerfinance.partner.api;

import java.util.Currency;
import java.util.Set;

/**
 * The master data of a partner that finance and administrators maintain (everything except the id, which never
 * changes). Checked by the service: a blank name, a malformed VAT or Peppol id, negative payment terms or a malformed
 * e-mail address are refused with a message naming the field.
 *
 * @param name              legal or trading name
 * @param kind              distributor, reseller or vendor
 * @param defaultCurrency   currency its statements are kept in by default
 * @param allowedCurrencies currencies the partner may claim, be invoiced and be paid in (the default is always added)
 * @param vatId             VAT identification number with its country prefix, e.g. {@code DE123456789}; may be blank
 * @param peppolId          Peppol participant id as {@code scheme:value}, e.g. {@code 0088:5790000435968}; may be blank
 * @param address           postal address
 * @param paymentTermsDays  days between an invoice's issue date and its due date when the invoice names none
 * @param dunningContact    whom reminders go to
 * @param active            inactive partners cannot submit claims
 * @param bankAccount       the account the partner is paid to; {@link BankAccount#NONE} when unknown (1.1). Checked:
 *                          an IBAN with wrong check digits, a malformed BIC, a BIC or holder without an IBAN are refused
 */
public record PartnerDetails(String name, PartnerKind kind, Currency defaultCurrency, Set<Currency> allowedCurrencies,
        String vatId, String peppolId, PostalAddress address, int paymentTermsDays, DunningContact dunningContact,
        boolean active, BankAccount bankAccount) {

    public PartnerDetails {
        bankAccount = bankAccount == null ? BankAccount.NONE : bankAccount;
        allowedCurrencies = allowedCurrencies == null ? Set.of() : Set.copyOf(allowedCurrencies);
        vatId = vatId == null ? "" : vatId.strip();
        peppolId = peppolId == null ? "" : peppolId.strip();
        address = address == null ? PostalAddress.EMPTY : address;
        dunningContact = dunningContact == null ? DunningContact.NONE : dunningContact;
    }

    /** Master data without a bank account (the 1.1 form of this record). */
    public PartnerDetails(String name, PartnerKind kind, Currency defaultCurrency, Set<Currency> allowedCurrencies,
            String vatId, String peppolId, PostalAddress address, int paymentTermsDays, DunningContact dunningContact,
            boolean active) {
        this(name, kind, defaultCurrency, allowedCurrencies, vatId, peppolId, address, paymentTermsDays,
                dunningContact, active, BankAccount.NONE);
    }

    /** The details of an existing partner, to change some of them. */
    public static PartnerDetails of(Partner p) {
        return new PartnerDetails(p.name(), p.kind(), p.defaultCurrency(), p.allowedCurrencies(), p.vatId(),
                p.peppolId(), p.address(), p.paymentTermsDays(), p.dunningContact(), p.active(), p.bankAccount());
    }

    /** These details with another bank account (1.1). */
    public PartnerDetails withBankAccount(BankAccount account) {
        return new PartnerDetails(name, kind, defaultCurrency, allowedCurrencies, vatId, peppolId, address,
                paymentTermsDays, dunningContact, active, account);
    }
}
