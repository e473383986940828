package org.partnerfinance.persistence.internal;

import java.util.Locale;

/** The database products the portal knows by their JDBC URL, with their EclipseLink target-database names. */
enum DatabaseKind {
    DERBY("Derby"),
    POSTGRESQL("PostgreSQL"),
    /** Any other database: EclipseLink detects the platform from the connection metadata. */
    OTHER(null);

    private final String eclipseLinkTarget;

    DatabaseKind(String eclipseLinkTarget) {
        this.eclipseLinkTarget = eclipseLinkTarget;
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
