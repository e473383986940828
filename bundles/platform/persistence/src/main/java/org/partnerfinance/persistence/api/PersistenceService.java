package org.partnerfinance.persistence.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Opens persistence units for domain bundles: migrates the unit's schema (Flyway scripts from the bundle, one history
 * table per unit, DDL generation off) and creates its EclipseLink EntityManagerFactory over the shared, transaction
 * aware DataSource.
 */
@ProviderType
public interface PersistenceService {

    /** Migrates and opens the unit. Callers close it when they deactivate. */
    Jpa open(PersistenceUnitSpec spec);

    /** The JDBC URL in use, with any password removed, for operators. */
    String describe();
}
