package org.partnerfinance.partner.api;

import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A partner organisation.
 *
 * @param id                stable id, e.g. {@code P-1001}
 * @param name              legal or trading name
 * @param kind              distributor, reseller or vendor
 * @param defaultCurrency   currency its statements are kept in by default
 * @param active            inactive partners cannot submit claims
 * @param allowedCurrencies currencies the partner may claim, be invoiced and be paid in; always contains the default
 *                          currency
 * @param vatId             VAT identification number, e.g. {@code DE123456789}; blank when unknown
 * @param peppolId          Peppol participant id {@code scheme:value}, e.g. {@code 0088:5790000435968}; blank when unknown
 * @param address           postal address
 * @param paymentTermsDays  days from issue to due date for invoices that name no due date
 * @param dunningContact    whom reminders about overdue items go to
 * @param version           optimistic-lock version: an update names the version it was based on
 * @param bankAccount       the account the partner is paid to, {@link BankAccount#NONE} when unknown (1.1)
 */
public record Partner(String id, String name, PartnerKind kind, Currency defaultCurrency, boolean active,
        Set<Currency> allowedCurrencies, String vatId, String peppolId, PostalAddress address, int paymentTermsDays,
        DunningContact dunningContact, long version, BankAccount bankAccount) {

    /** Payment terms of a partner for whom none were agreed. */
    public static final int DEFAULT_PAYMENT_TERMS_DAYS = 30;

    public Partner {
        Objects.requireNonNull(defaultCurrency, "defaultCurrency");
        vatId = vatId == null ? "" : vatId;
        peppolId = peppolId == null ? "" : peppolId;
        address = address == null ? PostalAddress.EMPTY : address;
        dunningContact = dunningContact == null ? DunningContact.NONE : dunningContact;
        bankAccount = bankAccount == null ? BankAccount.NONE : bankAccount;
        Set<Currency> allowed = new LinkedHashSet<>();
        allowed.add(defaultCurrency);
        if (allowedCurrencies != null) {
            allowedCurrencies.stream().filter(Objects::nonNull)
                    .sorted(Comparator.comparing(Currency::getCurrencyCode)).forEach(allowed::add);
        }
        allowedCurrencies = Set.copyOf(allowed);
    }

    /** A partner without a bank account on file (the 1.1 form of this record). */
    public Partner(String id, String name, PartnerKind kind, Currency defaultCurrency, boolean active,
            Set<Currency> allowedCurrencies, String vatId, String peppolId, PostalAddress address, int paymentTermsDays,
            DunningContact dunningContact, long version) {
        this(id, name, kind, defaultCurrency, active, allowedCurrencies, vatId, peppolId, address, paymentTermsDays,
                dunningContact, version, BankAccount.NONE);
    }

    /** A partner without identifiers, address or agreed terms (version 0). */
    public Partner(String id, String name, PartnerKind kind, Currency defaultCurrency, boolean active,
            Set<Currency> allowedCurrencies) {
        this(id, name, kind, defaultCurrency, active, allowedCurrencies, "", "", PostalAddress.EMPTY,
                DEFAULT_PAYMENT_TERMS_DAYS, DunningContact.NONE, 0L, BankAccount.NONE);
    }

    /** A partner that deals in its default currency only. */
    public Partner(String id, String name, PartnerKind kind, Currency defaultCurrency, boolean active) {
        this(id, name, kind, defaultCurrency, active, Set.of(defaultCurrency));
    }

    /** Whether the partner may claim (and be paid) in a currency. */
    public boolean allows(Currency currency) {
        return allowedCurrencies.contains(currency);
    }

    /** The allowed currency codes in alphabetical order, e.g. {@code EUR, USD}. */
    public String allowedCurrencyCodes() {
        return allowedCurrencies.stream().map(Currency::getCurrencyCode).sorted().collect(Collectors.joining(", "));
    }
}
