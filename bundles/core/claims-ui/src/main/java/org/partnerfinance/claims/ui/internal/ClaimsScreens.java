package org.partnerfinance.claims.ui.internal;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.partnerfinance.partner.api.Partner;
import org.partnerfinance.partner.api.PartnerService;
import org.partnerfinance.security.api.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Constants and small lookups shared by the claim screens of this bundle. */
final class ClaimsScreens {

    static final String EXTENSION_ID = "claims";
    static final String EXTENSION_NAME = "Claims";

    private static final Logger LOG = LoggerFactory.getLogger(ClaimsScreens.class);

    private ClaimsScreens() {
    }

    /** Names of the partners the caller may see, by id; empty when the partner service is not available. */
    static Map<String, String> partnerNames(PartnerService partners, Caller caller) {
        if (partners == null) {
            return Map.of();
        }
        try {
            return partners.list(caller).stream()
                    .collect(Collectors.toMap(Partner::id, Partner::name, (a, b) -> a));
        } catch (RuntimeException e) {
            LOG.debug("Partner names not available for {}", caller.username(), e);
            return Map.of();
        }
    }

    /** A lookup of one partner's name, or {@code null}. */
    static Function<String, String> partnerName(PartnerService partners, Caller caller) {
        return id -> {
            if (partners == null || id == null) {
                return null;
            }
            try {
                return partners.find(caller, id).map(Partner::name).orElse(null);
            } catch (RuntimeException e) {
                LOG.debug("Partner {} not readable for {}", id, caller.username(), e);
                return null;
            }
        };
    }
}
