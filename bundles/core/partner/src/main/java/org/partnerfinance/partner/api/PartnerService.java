package org.partnerfinance.partner.api;

import java.util.Currency;
import java.util.List;
import java.util.Optional;

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
     * Creates a partner (administrators and finance managers).
     *
     * @throws IllegalArgumentException for a blank name, a malformed or duplicate id
     */
    Partner create(Caller caller, String id, String name, PartnerKind kind, Currency defaultCurrency);
}
