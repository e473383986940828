package org.partnerfinance.partner.api;

import java.util.Currency;

/**
 * A partner organisation.
 *
 * @param id              stable id, e.g. {@code P-1001}
 * @param name            legal or trading name
 * @param kind            distributor, reseller or vendor
 * @param defaultCurrency currency its statements are kept in by default
 * @param active          inactive partners cannot submit claims
 */
public record Partner(String id, String name, PartnerKind kind, Currency defaultCurrency, boolean active) {
}
