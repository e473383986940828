package org.partnerfinance.persistence.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotSame;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/** The deferred connection handles of the unit of work, with plain JDBC. */
public class TransactionAwareDataSourceTest {

    private DerbyDatabase derby;
    private ThreadUnitOfWork uow;
    private DataSource ds;

    @Before
    public void setUp() throws SQLException {
        derby = DerbyDatabase.parse("jdbc:derby:memory:tx-" + UUID.randomUUID() + ";create=true", null, null);
        uow = new ThreadUnitOfWork(derby.dataSource());
        ds = new TransactionAwareDataSource(uow);
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (v INT)");
        }
    }

    @After
    public void tearDown() {
        derby.drop();
    }

    @Test
    public void outsideAUnitOfWorkEveryConnectionIsFresh() throws SQLException {
        try (Connection a = ds.getConnection(); Connection b = ds.getConnection()) {
            assertNotSame(a, b);
            assertTrue(a.getAutoCommit());
        }
    }

    @Test
    public void insideAUnitOfWorkCommitAndCloseAreDeferred() throws SQLException {
        uow.required(() -> {
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                assertFalse(c.getAutoCommit());
                s.executeUpdate("INSERT INTO t VALUES (1)");
                c.setAutoCommit(true); // would commit a real connection: ignored
                c.commit(); // deferred
            }
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO t VALUES (2)");
            }
            uow.setRollbackOnly();
            return null;
        });
        assertEquals(0, count());
    }

    @Test
    public void rollbackOfAHandleMarksTheUnitOfWorkRollbackOnly() throws SQLException {
        try {
            uow.required(() -> {
                try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                    s.executeUpdate("INSERT INTO t VALUES (1)");
                    c.rollback();
                }
                return null;
            });
            fail("a participant's rollback must not end in a silent commit-less success");
        } catch (org.partnerfinance.persistence.api.PersistenceException e) {
            assertTrue(e.getMessage().contains("rolled"));
        }
        assertEquals(0, count());
    }

    @Test
    public void closedHandleRefusesStatements() throws SQLException {
        uow.required(() -> {
            Connection c = ds.getConnection();
            c.close();
            assertTrue(c.isClosed());
            try {
                c.createStatement();
                fail();
            } catch (SQLException expected) {
                // the handle is closed, the unit of work's connection is not
            }
            try (Connection again = ds.getConnection()) {
                assertFalse(again.isClosed());
            }
            return null;
        });
    }

    @Test
    public void commitsAtTheEndOfTheOutermostUnitOfWork() throws SQLException {
        uow.required(() -> {
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO t VALUES (1)");
            }
            return null;
        });
        assertEquals(1, count());
    }

    @Test
    public void unitsOfWorkOfDifferentInstancesAreIndependent() throws SQLException {
        ThreadUnitOfWork other = new ThreadUnitOfWork(derby.dataSource());
        uow.required(() -> {
            assertTrue(uow.active());
            assertFalse("the binding is per instance, not static", other.active());
            return null;
        });
    }

    private int count() throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM t")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
