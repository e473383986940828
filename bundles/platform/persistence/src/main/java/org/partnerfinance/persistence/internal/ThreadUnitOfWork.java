package org.partnerfinance.persistence.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;

import javax.sql.DataSource;

import org.partnerfinance.persistence.api.PersistenceException;
import org.partnerfinance.persistence.api.UnitOfWork;
import org.partnerfinance.persistence.api.Work;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Unit of work over one JDBC connection bound to the current thread. The outermost {@link #required(Work)} opens the
 * connection (auto-commit off), nested calls join it, and the outermost commits or rolls back. Every
 * {@link TransactionAwareDataSource} of this instance hands out that connection while the unit of work runs.
 * <p>
 * The binding is per instance (a ThreadLocal field): two databases never share a transaction by accident.
 * <p>
 * On embedded Derby the outermost unit of work is run again, a few times, when it failed with a lock timeout (40XL1)
 * or a deadlock (40001). Derby generates identity values from a range it preallocates in the column's row of
 * {@code SYS.SYSSEQUENCES}; when the range must be (re)allocated it updates that row in a nested transaction that does
 * not wait for the row's lock, tries twice and then reports 40XL1 at once (SequenceUpdater), so one of two sessions
 * inserting into a table at that moment fails although nothing waited. Ranges are reallocated not only at a table's
 * first insert (DERBY-7002) but whenever Derby clears its dictionary caches, which happens at the end of every
 * transaction that writes the dictionary: any DDL, and the index statistics daemon, which refreshes statistics on its
 * own each time a table has grown several-fold. No lock timeout setting applies, and preallocating more values only
 * makes the range allocation rarer between such moments. Derby has already rolled the whole transaction back, and a
 * unit of work does nothing outside the database before it commits (after-commit actions of a failed attempt are
 * dropped), so running it again is safe. Joined calls are never repeated on their own: only the outermost unit of
 * work, as a whole.
 */
final class ThreadUnitOfWork implements UnitOfWork {

    private static final Logger LOG = LoggerFactory.getLogger(ThreadUnitOfWork.class);

    /** SQL states of transient lock failures after which Derby has rolled the transaction back: timeout, deadlock. */
    private static final java.util.Set<String> TRANSIENT_LOCK_STATES = java.util.Set.of("40XL1", "40001");

    private final DataSource rawDataSource;
    private final int attempts;
    private final ThreadLocal<Transaction> current = new ThreadLocal<>();

    ThreadUnitOfWork(DataSource rawDataSource) {
        this(rawDataSource, 1);
    }

    /**
     * @param attempts how often an outermost unit of work is run in all when it fails with a transient lock failure
     *     (1: never again)
     */
    ThreadUnitOfWork(DataSource rawDataSource, int attempts) {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1: " + attempts);
        }
        this.rawDataSource = rawDataSource;
        this.attempts = attempts;
    }

    @Override
    public <T> T required(Work<T> work) {
        Transaction tx = current.get();
        if (tx != null) {
            return join(tx, work);
        }
        for (int attempt = 1;; attempt++) {
            try {
                return runNew(work);
            } catch (RuntimeException e) {
                String state = transientLockState(e);
                if (state == null || attempt >= attempts) {
                    throw e;
                }
                LOG.debug("Unit of work rolled back by a transient lock failure (SQLState {}); attempt {} of {}",
                        state, attempt + 1, attempts, e);
                pause(attempt, e);
            }
        }
    }

    /** The SQL state of a transient lock failure anywhere in the cause chain, or {@code null}. */
    static String transientLockState(Throwable failure) {
        java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            // Set.of(...).contains(null) throws: drivers may leave the SQL state out
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && TRANSIENT_LOCK_STATES.contains(sql.getSQLState())) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    /** A short random pause, growing with the attempt, so that the transactions that collided do not collide again. */
    private static void pause(int attempt, RuntimeException failure) {
        long millis = java.util.concurrent.ThreadLocalRandom.current().nextLong(1, 10L * attempt + 1);
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure.addSuppressed(e);
            throw failure;
        }
    }

    @Override
    public <T> T savepoint(Work<T> work) {
        Transaction tx = current.get();
        if (tx == null) {
            return required(work);
        }
        if (tx.rollbackOnly) {
            // a failed unit of work commits nothing: a step in it would only pretend to work
            throw new PersistenceException("The unit of work has already failed: "
                    + (tx.failure == null ? "rolled back" : describe(tx.failure)), tx.failure);
        }
        Savepoint savepoint;
        try {
            savepoint = tx.connection.setSavepoint();
        } catch (SQLException e) {
            tx.markFailed(e);
            throw new PersistenceException("Cannot set a savepoint: " + e.getMessage(), e);
        }
        int actions = tx.afterCommit.size();
        T result;
        try {
            result = work.run();
        } catch (RuntimeException | Error e) {
            undo(tx, savepoint, actions, e);
            throw e;
        } catch (Exception e) {
            undo(tx, savepoint, actions, e);
            throw new PersistenceException(describe(e), e);
        }
        if (tx.rollbackOnly) {
            // a participant rolled back and its caller swallowed the exception: the step failed all the same
            PersistenceException failure = new PersistenceException("A step of the unit of work was rolled back: "
                    + (tx.failure == null ? "a participant rolled back" : describe(tx.failure)), tx.failure);
            undo(tx, savepoint, actions, failure);
            throw failure;
        }
        try {
            tx.connection.releaseSavepoint(savepoint);
        } catch (SQLException e) {
            // the step's changes stay in the transaction either way; a driver may release savepoints only at the end
            LOG.debug("Could not release a savepoint", e);
        }
        return result;
    }

    /**
     * Undoes a failed step: back to its savepoint, its after-commit actions dropped, the unit of work usable again.
     * After a transient lock failure the database has rolled the whole transaction back (no savepoint is left): then
     * the unit of work stays failed, so that its outermost level rolls back and may run again.
     */
    private static void undo(Transaction tx, Savepoint savepoint, int actions, Throwable failure) {
        if (transientLockState(failure) != null) {
            tx.markFailed(failure);
            return;
        }
        try {
            tx.connection.rollback(savepoint);
        } catch (SQLException | RuntimeException e) {
            failure.addSuppressed(e);
            tx.markFailed(failure);
            return;
        }
        tx.afterCommit.subList(actions, tx.afterCommit.size()).clear();
        tx.rollbackOnly = false;
        tx.failure = null;
    }

    @Override
    public boolean active() {
        return current.get() != null;
    }

    @Override
    public void setRollbackOnly() {
        Transaction tx = current.get();
        if (tx == null) {
            throw new IllegalStateException("setRollbackOnly() called outside a unit of work");
        }
        tx.rollbackOnly = true;
    }

    @Override
    public void afterCommit(Runnable action) {
        java.util.Objects.requireNonNull(action, "action");
        Transaction tx = current.get();
        if (tx == null) {
            runAfterCommit(action);
        } else {
            tx.afterCommit.add(action);
        }
    }

    private static void runAfterCommit(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            LOG.error("An after-commit action failed; the unit of work itself has committed", e);
        }
    }

    /** The connection of the current unit of work, or {@code null} outside one. */
    Transaction currentTransaction() {
        return current.get();
    }

    DataSource rawDataSource() {
        return rawDataSource;
    }

    private <T> T join(Transaction tx, Work<T> work) {
        try {
            return work.run();
        } catch (RuntimeException | Error e) {
            tx.markFailed(e);
            throw e;
        } catch (Exception e) {
            tx.markFailed(e);
            throw new PersistenceException(describe(e), e);
        }
    }

    private <T> T runNew(Work<T> work) {
        Transaction tx = begin();
        current.set(tx);
        T result;
        try {
            result = work.run();
        } catch (RuntimeException | Error e) {
            finishAfterFailure(tx, e);
            throw e;
        } catch (Exception e) {
            finishAfterFailure(tx, e);
            throw new PersistenceException(describe(e), e);
        } finally {
            current.remove();
        }
        if (tx.rollbackOnly) {
            // a joined step failed and its exception was swallowed: the caller must not believe it committed
            PersistenceException failure = tx.failure == null ? null
                    : new PersistenceException("The unit of work was rolled back because one of its steps failed: "
                            + describe(tx.failure), tx.failure);
            try {
                // with a failure to report, a failing rollback is attached to it instead of replacing it
                rollback(tx, failure);
            } finally {
                close(tx);
            }
            if (failure != null) {
                throw failure;
            }
            return result;
        }
        try {
            tx.connection.commit();
        } catch (SQLException e) {
            try {
                rollback(tx, e);
            } finally {
                close(tx);
            }
            throw new PersistenceException("Commit failed: " + e.getMessage(), e);
        }
        close(tx);
        tx.afterCommit.forEach(ThreadUnitOfWork::runAfterCommit);
        return result;
    }

    private Transaction begin() {
        Connection c;
        try {
            c = rawDataSource.getConnection();
        } catch (SQLException e) {
            throw new PersistenceException("Cannot open a database connection: " + e.getMessage(), e);
        }
        try {
            if (c.getAutoCommit()) {
                c.setAutoCommit(false);
            }
        } catch (SQLException e) {
            closeQuietly(c);
            throw new PersistenceException("Cannot start a database transaction: " + e.getMessage(), e);
        }
        return new Transaction(c);
    }

    private void finishAfterFailure(Transaction tx, Throwable failure) {
        try {
            rollback(tx, failure);
        } finally {
            close(tx);
        }
    }

    /**
     * Rolls back. A rollback failure is added as suppressed to the failure that caused the rollback, if any, so that
     * the caller sees why the unit of work failed; otherwise it is thrown. The caller closes the connection either way.
     */
    private static void rollback(Transaction tx, Throwable primary) {
        try {
            tx.connection.rollback();
        } catch (SQLException | RuntimeException e) {
            if (primary != null) {
                primary.addSuppressed(e);
            } else {
                throw new PersistenceException("Rollback failed: " + e.getMessage(), e);
            }
        }
    }

    private static void close(Transaction tx) {
        try {
            tx.connection.setAutoCommit(true);
        } catch (SQLException | RuntimeException e) {
            LOG.debug("Could not restore auto-commit before closing the connection", e);
        }
        closeQuietly(tx.connection);
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Could not close a database connection", e);
        }
    }

    private static String describe(Throwable e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getName();
    }

    /** State of one unit of work. Only touched by its own thread. */
    static final class Transaction {
        final Connection connection;
        boolean rollbackOnly;
        Throwable failure;
        final java.util.List<Runnable> afterCommit = new java.util.ArrayList<>();

        Transaction(Connection connection) {
            this.connection = connection;
        }

        /** A participant rolled back (e.g. an EntityManager transaction after a failed flush). */
        void markRollbackOnly(String reason) {
            rollbackOnly = true;
            if (failure == null) {
                failure = new PersistenceException(reason);
            }
        }

        void markFailed(Throwable e) {
            rollbackOnly = true;
            if (failure == null) {
                failure = e;
            }
        }
    }
}
