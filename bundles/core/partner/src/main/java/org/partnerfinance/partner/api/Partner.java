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
 * @param allowedCurrencies currencies the partner may claim and be paid in; always contains the default currency
 */
public record Partner(String id, String name, PartnerKind kind, Currency defaultCurrency, boolean active,
        Set<Currency> allowedCurrencies) {

    public Partner {
        Objects.requireNonNull(defaultCurrency, "defaultCurrency");
        Set<Currency> allowed = new LinkedHashSet<>();
        allowed.add(defaultCurrency);
        if (allowedCurrencies != null) {
            allowedCurrencies.stream().filter(Objects::nonNull)
                    .sorted(Comparator.comparing(Currency::getCurrencyCode)).forEach(allowed::add);
        }
        allowedCurrencies = Set.copyOf(allowed);
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
