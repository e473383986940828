package org.partnerfinance.persistence.api;

import java.util.List;
import java.util.Objects;

import org.osgi.framework.Bundle;

/**
 * Describes a bundle's persistence unit.
 *
 * @param name            unit name, also the schema-history name of its migrations (e.g. {@code ledger})
 * @param bundle          the bundle that owns the entity classes and migration scripts
 * @param entityClasses   fully qualified names of the entity classes
 * @param migrationFolder folder inside the bundle holding Flyway SQL scripts ({@code V1__initial.sql}, ...), e.g.
 *                        {@code db/ledger}
 */
public record PersistenceUnitSpec(String name, Bundle bundle, List<String> entityClasses, String migrationFolder) {
    public PersistenceUnitSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(bundle, "bundle");
        entityClasses = List.copyOf(entityClasses);
        Objects.requireNonNull(migrationFolder, "migrationFolder");
    }
}
