package org.partnerfinance.persistence.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * One database transaction that spans every bundle's persistence unit. Inside {@link #required(Work)} all
 * EntityManagers of all bundles use the same JDBC connection, so a claim transition, its ledger posting and its audit
 * record commit together or not at all.
 */
@ProviderType
public interface UnitOfWork {

    /**
     * Runs the work in the current unit of work, or in a new one that commits when the work returns and rolls back
     * when it throws. Checked exceptions are wrapped in {@link PersistenceException}; runtime exceptions propagate
     * unchanged after the rollback.
     * <p>
     * A new unit of work may run its work more than once: on embedded Derby it is run again, as a whole, after the
     * database rolled it back for a transient lock failure (lock timeout or deadlock). Work therefore changes nothing
     * outside the database before it commits; what must happen only once afterwards goes to {@link #afterCommit}.
     */
    <T> T required(Work<T> work);

    /**
     * Runs the work as a step of its own inside the current unit of work: when it throws, what it changed in the
     * database is rolled back to a savepoint taken before it, the after-commit actions it registered are dropped, and
     * the unit of work goes on as if the step had not run; the exception propagates (checked ones wrapped in
     * {@link PersistenceException}). This lets one transaction carry many independent changes (e.g. the documents of
     * an import, committed in batches) of which a failing one is undone alone. Outside a unit of work it is
     * {@link #required(Work)}.
     * <p>
     * When the database has rolled back the whole transaction (a lock timeout or deadlock on embedded Derby), there is
     * no savepoint left: the unit of work stays failed, and its outermost {@link #required(Work)} rolls back (and may
     * run its work again, see there).
     *
     * @since 1.2
     */
    <T> T savepoint(Work<T> work);

    /** Whether the current thread runs inside a unit of work. */
    boolean active();

    /** Marks the current unit of work so that it rolls back at its end, whatever happens. */
    void setRollbackOnly();

    /**
     * Runs the action after the current unit of work has committed; never when it rolls back. Outside a unit of work
     * the action runs at once. Actions run on the committing thread, in registration order; an action's exception is
     * logged and does not affect the others or the (already committed) work.
     */
    void afterCommit(Runnable action);
}
