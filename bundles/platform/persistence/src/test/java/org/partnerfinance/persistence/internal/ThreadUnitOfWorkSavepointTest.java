package org.partnerfinance.persistence.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.partnerfinance.persistence.api.PersistenceException;

/**
 * A step run with {@code savepoint} inside a unit of work is undone alone when it fails: the other steps commit, the
 * failed step's after-commit actions are dropped; a swallowed failure of a participant inside the step still undoes
 * the step; after a transient lock failure the whole unit of work rolls back and runs again.
 */
public class ThreadUnitOfWorkSavepointTest {

    private final DerbyDatabase derby = DerbyDatabase.parse("jdbc:derby:memory:savepoint-" + UUID.randomUUID()
            + ";create=true", null, null);
    private ThreadUnitOfWork uow;
    private TransactionAwareDataSource data;

    @Before
    public void table() throws SQLException {
        uow = new ThreadUnitOfWork(derby.dataSource(), 3);
        data = new TransactionAwareDataSource(uow);
        try (Connection c = derby.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE item (id INT PRIMARY KEY)");
        }
    }

    @After
    public void dropDatabase() {
        derby.drop();
    }

    private void insert(int id) throws SQLException {
        try (Connection c = data.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO item VALUES (" + id + ")");
        }
    }

    private List<Integer> items() throws SQLException {
        List<Integer> ids = new ArrayList<>();
        try (Connection c = derby.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT id FROM item ORDER BY id")) {
            while (rs.next()) {
                ids.add(rs.getInt(1));
            }
        }
        return ids;
    }

    @Test
    public void aFailedStepIsUndoneAloneAndTheOthersCommitTogether() throws SQLException {
        List<String> afterCommit = new ArrayList<>();
        List<String> outcomes = new ArrayList<>();

        uow.required(() -> {
            for (int id : new int[] {1, 2, 1, 3}) {
                try {
                    uow.savepoint(() -> {
                        uow.afterCommit(() -> afterCommit.add("stored " + id));
                        insert(id * 10); // a change before the failure, undone with the step
                        insert(id); // the second 1 is a duplicate key: the step fails here
                        return null;
                    });
                    outcomes.add(id + " stored");
                } catch (PersistenceException e) {
                    outcomes.add(id + " refused");
                }
            }
            return null;
        });

        assertEquals(List.of("1 stored", "2 stored", "1 refused", "3 stored"), outcomes);
        assertEquals(List.of(1, 2, 3, 10, 20, 30), items());
        assertEquals(List.of("stored 1", "stored 2", "stored 3"), afterCommit);
    }

    @Test
    public void aParticipantsSwallowedRollbackStillUndoesTheStep() throws SQLException {
        uow.required(() -> {
            insert(1);
            PersistenceException e = assertThrows(PersistenceException.class, () -> uow.savepoint(() -> {
                insert(2);
                try {
                    uow.required(() -> {
                        throw new IllegalStateException("a nested step failed");
                    });
                } catch (IllegalStateException swallowed) {
                    // the nested caller swallows it: the step failed all the same
                }
                return null;
            }));
            assertEquals("A step of the unit of work was rolled back: a nested step failed", e.getMessage());
            insert(3);
            return null;
        });

        assertEquals(List.of(1, 3), items());
    }

    @Test
    public void outsideAUnitOfWorkAStepIsAUnitOfWorkOfItsOwn() throws SQLException {
        assertThrows(IllegalStateException.class, () -> uow.savepoint(() -> {
            insert(1);
            throw new IllegalStateException("refused");
        }));
        uow.savepoint(() -> {
            insert(2);
            return null;
        });

        assertEquals(List.of(2), items());
    }

    @Test
    public void aLockFailureInAStepRollsTheWholeUnitOfWorkBackAndRunsItAgain() throws SQLException {
        AtomicInteger runs = new AtomicInteger();
        RuntimeException lockFailure = new IllegalStateException("insert failed",
                new SQLTransactionRollbackException("A lock could not be obtained", "40XL1"));

        uow.required(() -> {
            int run = runs.incrementAndGet();
            insert(run * 100);
            try {
                uow.savepoint(() -> {
                    if (run == 1) {
                        throw lockFailure;
                    }
                    insert(run);
                    return null;
                });
            } catch (IllegalStateException e) {
                assertSame(lockFailure, e);
                // the transaction is gone: nothing more can be done in it
                assertThrows(PersistenceException.class, () -> uow.savepoint(() -> null));
            }
            return null;
        });

        assertEquals(2, runs.get());
        assertEquals(List.of(2, 200), items());
    }
}
