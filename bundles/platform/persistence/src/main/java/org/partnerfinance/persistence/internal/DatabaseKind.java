package org.partnerfinance.persistence.internal;

import java.util.Locale;

/** The database products the portal knows by their JDBC URL, with their EclipseLink target-database names. */
enum DatabaseKind {
    DERBY("Derby", "derby"),
    POSTGRESQL("PostgreSQL", "postgresql"),
    /** Any other database: EclipseLink detects the platform from the connection metadata. */
    OTHER(null, null);

    private final String eclipseLinkTarget;
    private final String scriptFolder;

    DatabaseKind(String eclipseLinkTarget, String scriptFolder) {
        this.eclipseLinkTarget = eclipseLinkTarget;
        this.scriptFolder = scriptFolder;
    }

    /**
     * The sub-folder of a unit's migration folder that holds the scripts written for this product only (triggers,
     * column types that differ), e.g. {@code db/audit/postgresql}; {@code null} for a product without one.
     */
    String scriptFolder() {
        return scriptFolder;
    }

    /** The value of {@code eclipselink.target-database}, or {@code null} to let EclipseLink detect it. */
    String eclipseLinkTarget() {
        return eclipseLinkTarget;
    }

    static DatabaseKind fromUrl(String url) {
        String u = url.toLowerCase(Locale.ROOT);
        if (u.startsWith("jdbc:derby:")) {
            return DERBY;
        }
        if (u.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        return OTHER;
    }
}
