package org.partnerfinance.partner.api;

import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;
import org.partnerfinance.security.api.Caller;

/** Reads and maintains partner organisations. Partner users see only their own organisation. */
@ProviderType
public interface PartnerService {

    /** Partners the caller may see: all for company staff, their own for partner users. */
    List<Partner> list(Caller caller);

    /** One partner, if it exists and the caller may see it. */
    Optional<Partner> find(Caller caller, String partnerId);

    /**
     * The partners with these ids that exist and that the caller may see, by id, in the order of the ids (first
     * occurrence). Unknown ids and {@code null} elements are left out, and so are other partners' ids asked by a
     * partner user — as {@link #find} answers empty for them. Reads that name many partners at once (a page of
     * documents, an aging list) use it instead of one {@link #find} per id.
     *
     * @throws IllegalArgumentException when {@code partnerIds} is {@code null}
     * @since 1.1
     */
    Map<String, Partner> findAll(Caller caller, Collection<String> partnerIds);

    /**
     * Creates a partner with its default currency only and no identifiers (administrators, finance managers and
     * integrators).
     *
     * @throws IllegalArgumentException for a blank name, a malformed or duplicate id
     */
    Partner create(Caller caller, String id, String name, PartnerKind kind, Currency defaultCurrency);

    /**
     * Replaces the currencies a partner may claim in (administrators and finance managers). The partner's default
     * currency is always allowed and is added when missing. A new partner allows only its default currency.
     *
     * @throws IllegalArgumentException for an unknown partner or an empty set
     * @since 1.1
     */
    Partner setAllowedCurrencies(Caller caller, String partnerId, Set<Currency> currencies);

    /**
     * Creates a partner with all its master data (administrators, finance managers and integrators).
     *
     * @throws PartnerValidationException naming the field for invalid data, or {@code id} for a malformed or existing id
     * @since 1.1
     */
    Partner create(Caller caller, String id, PartnerDetails details);

    /**
     * Replaces a partner's master data (administrators and finance managers).
     *
     * @param expectedVersion the version the change was based on
     * @throws PartnerValidationException naming the field for invalid data
     * @throws org.partnerfinance.persistence.api.ConcurrentChangeException when someone else changed it meanwhile
     * @since 1.1
     */
    Partner update(Caller caller, String partnerId, long expectedVersion, PartnerDetails details);

    /**
     * The partner with this Peppol participant id ({@code scheme:value}, compared case-insensitively) or VAT id
     * (compared without spaces, case-insensitively), if the caller may see it. Connectors find a document's partner
     * through it.
     *
     * @since 1.1
     */
    Optional<Partner> findByIdentifier(Caller caller, String peppolIdOrVatId);
}
