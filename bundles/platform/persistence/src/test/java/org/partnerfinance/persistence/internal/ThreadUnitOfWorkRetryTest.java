package org.partnerfinance.persistence.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;

import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.After;
import org.junit.Test;
import org.partnerfinance.persistence.api.PersistenceException;

/**
 * On Derby the outermost unit of work runs again after a transient lock failure (40XL1 lock timeout, 40001 deadlock),
 * a bounded number of times, as a whole; other failures and other databases are not retried.
 */
public class ThreadUnitOfWorkRetryTest {

    private final DerbyDatabase derby = DerbyDatabase.parse("jdbc:derby:memory:retry-" + UUID.randomUUID()
            + ";create=true", null, null);

    @After
    public void dropDatabase() {
        derby.drop();
    }

    private static RuntimeException lockFailure(String sqlState) {
        // as EclipseLink reports it: the driver's exception is the cause
        return new IllegalStateException("insert failed",
                new SQLTransactionRollbackException("A lock could not be obtained within the time requested",
                        sqlState));
    }

    @Test
    public void aLockTimeoutRunsTheWholeUnitOfWorkAgainAndOnlyTheCommittedAttemptsActionsRun() {
        ThreadUnitOfWork uow = new ThreadUnitOfWork(derby.dataSource(), 5);
        AtomicInteger outer = new AtomicInteger();
        AtomicInteger inner = new AtomicInteger();
        List<Integer> afterCommit = new ArrayList<>();

        String result = uow.required(() -> {
            int attempt = outer.incrementAndGet();
            uow.afterCommit(() -> afterCommit.add(attempt));
            uow.required(() -> {
                if (inner.incrementAndGet() < 3) {
                    throw lockFailure(inner.get() == 1 ? "40XL1" : "40001");
                }
                return null;
            });
            return "done";
        });

        assertEquals("done", result);
        assertEquals("the outermost unit of work ran again, not only the failed step", 3, outer.get());
        assertEquals(3, inner.get());
        assertEquals("after-commit actions of rolled-back attempts are dropped", List.of(3), afterCommit);
        assertFalse(uow.active());
    }

    @Test
    public void retriesAreBoundedAndTheLastFailureIsReported() {
        ThreadUnitOfWork uow = new ThreadUnitOfWork(derby.dataSource(), 3);
        AtomicInteger runs = new AtomicInteger();
        List<RuntimeException> thrown = new ArrayList<>();

        RuntimeException reported = assertThrows(RuntimeException.class, () -> uow.required(() -> {
            runs.incrementAndGet();
            RuntimeException e = lockFailure("40XL1");
            thrown.add(e);
            throw e;
        }));

        assertEquals(3, runs.get());
        assertSame(thrown.get(2), reported);
    }

    @Test
    public void otherFailuresAreNotRetried() {
        ThreadUnitOfWork uow = new ThreadUnitOfWork(derby.dataSource(), 5);
        AtomicInteger runs = new AtomicInteger();

        assertThrows(PersistenceException.class, () -> uow.required(() -> {
            runs.incrementAndGet();
            throw new SQLException("duplicate key", "23505");
        }));
        assertThrows(PersistenceException.class, () -> uow.required(() -> {
            runs.incrementAndGet();
            throw new SQLException("no SQL state");
        }));
        assertThrows(IllegalArgumentException.class, () -> uow.required(() -> {
            runs.incrementAndGet();
            throw new IllegalArgumentException("bad input");
        }));

        assertEquals(3, runs.get());
    }

    @Test
    public void withOneAttemptALockFailureIsReportedAtOnce() {
        ThreadUnitOfWork uow = new ThreadUnitOfWork(derby.dataSource()); // as on PostgreSQL
        AtomicInteger runs = new AtomicInteger();

        assertThrows(IllegalStateException.class, () -> uow.required(() -> {
            runs.incrementAndGet();
            throw lockFailure("40XL1");
        }));

        assertEquals(1, runs.get());
    }

    @Test
    public void aSwallowedLockFailureOfAStepAlsoRunsTheUnitOfWorkAgain() {
        ThreadUnitOfWork uow = new ThreadUnitOfWork(derby.dataSource(), 5);
        AtomicInteger runs = new AtomicInteger();

        String result = uow.required(() -> {
            if (runs.incrementAndGet() == 1) {
                try {
                    uow.required(() -> {
                        throw lockFailure("40XL1");
                    });
                } catch (IllegalStateException swallowed) {
                    // the caller swallows it, but the transaction is gone: the unit of work is rolled back and rerun
                }
            }
            return "done";
        });

        assertEquals("done", result);
        assertEquals(2, runs.get());
    }

    @Test
    public void theDerbyEngineRetriesAndThePostgresqlEngineDoesNot() {
        for (DatabaseKind kind : DatabaseKind.values()) {
            PersistenceEngine engine = new PersistenceEngine("test", derby.dataSource(), kind, () -> { });
            AtomicInteger runs = new AtomicInteger();
            assertThrows(IllegalStateException.class, () -> engine.unitOfWork().required(() -> {
                runs.incrementAndGet();
                throw lockFailure("40XL1");
            }));
            assertEquals(kind.toString(), kind == DatabaseKind.DERBY ? PersistenceEngine.DERBY_ATTEMPTS : 1, runs.get());
        }
    }
}
