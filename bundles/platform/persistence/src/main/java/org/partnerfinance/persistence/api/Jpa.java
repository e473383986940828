package org.partnerfinance.persistence.api;

import java.util.function.Function;

import jakarta.persistence.EntityManager;
import org.osgi.annotation.versioning.ProviderType;

/** A bundle's persistence unit, opened by {@link PersistenceService#open(PersistenceUnitSpec)}. */
@ProviderType
public interface Jpa extends AutoCloseable {

    /**
     * Runs the function with an EntityManager inside the current unit of work (or a new one). Changes are flushed when
     * the function returns; an optimistic-lock conflict is reported as {@link ConcurrentChangeException}.
     */
    <T> T tx(Function<EntityManager, T> work);

    /** Unit name. */
    String name();

    /** Closes the EntityManagerFactory. */
    @Override
    void close();
}
