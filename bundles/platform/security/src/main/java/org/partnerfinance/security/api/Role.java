package org.partnerfinance.security.api;

import java.util.Arrays;
import java.util.Optional;

/** The roles of the portal (ARCHITECTURE §1). Roles are enforced in services, not only in the UI. */
public enum Role {
    /** Sees and acts for one partner organisation only. */
    PARTNER_USER("partner-user", true),
    /** A partner user who also manages the users of that partner. */
    PARTNER_ADMIN("partner-admin", true),
    /** Reviews claims of all partners; approves within limits. */
    FINANCE_REVIEWER("finance-reviewer", false),
    /** Higher approval limits, funds, periods, disputes. */
    FINANCE_MANAGER("finance-manager", false),
    /** Users, configuration, feature toggles, extensions. */
    ADMINISTRATOR("administrator", false),
    /** Deploys and configures connector bundles. */
    INTEGRATOR("integrator", false);

    private final String id;
    private final boolean partnerScoped;

    Role(String id, boolean partnerScoped) {
        this.id = id;
        this.partnerScoped = partnerScoped;
    }

    /** The stable id used in storage, configuration and service properties, e.g. {@code finance-reviewer}. */
    public String id() {
        return id;
    }

    /** Whether a user with this role belongs to one partner organisation. */
    public boolean partnerScoped() {
        return partnerScoped;
    }

    public static Optional<Role> byId(String id) {
        return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst();
    }
}
