package org.partnerfinance.persistence.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.Test;

/** A Derby shutdown is bounded in time, so that a stuck one cannot hang the portal's stop. */
public class DerbyShutdownTest {

    @Test
    public void workThatNeverReturnsIsGivenUpAfterTheTimeoutAndLeftToADaemonThread() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(1);
        boolean done = DerbyDatabase.runBounded("stuck", () -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            finished.countDown();
        }, 50, TimeUnit.MILLISECONDS);
        assertFalse("reported as not finished", done);
        assertEquals("still running in its own thread", 1, finished.getCount());
        release.countDown();
        assertTrue(finished.await(10, TimeUnit.SECONDS));
    }

    @Test
    public void workThatFinishesIsReportedFinished() {
        assertTrue(DerbyDatabase.runBounded("quick", () -> { }, 10, TimeUnit.SECONDS));
    }

    @Test
    public void aBootedDatabaseIsShutDownAndCanBeOpenedAgain() throws SQLException {
        DerbyDatabase db = DerbyDatabase.parse("jdbc:derby:memory:shutdown-test;create=true", null, null);
        DataSource ds = db.dataSource();
        try (Connection c = ds.getConnection()) {
            c.createStatement().execute("CREATE TABLE t (x INT)");
        }
        db.shutdown();
        // an in-memory database survives a shutdown (only a drop removes it): booting it again finds the table
        try (Connection c = ds.getConnection()) {
            c.createStatement().execute("INSERT INTO t VALUES (1)");
        }
        db.drop();
    }
}
