package org.partnerfinance.persistence.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.junit.Test;
import org.partnerfinance.persistence.api.PersistenceException;

/** The connection of a unit of work is released even when its rollback fails, and the first failure is reported. */
public class ThreadUnitOfWorkRollbackTest {

    /** A connection whose rollback always fails; counts closes. */
    private static final class BrokenRollbackDataSource implements DataSource {
        final AtomicInteger opened = new AtomicInteger();
        final AtomicInteger closed = new AtomicInteger();
        final SQLException rollbackFailure = new SQLException("rollback failed: connection reset");

        @Override
        public Connection getConnection() {
            opened.incrementAndGet();
            boolean[] autoCommit = {true};
            return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, args) -> {
                        switch (method.getName()) {
                            case "getAutoCommit":
                                return autoCommit[0];
                            case "setAutoCommit":
                                autoCommit[0] = (Boolean) args[0];
                                return null;
                            case "rollback":
                                throw rollbackFailure;
                            case "close":
                                closed.incrementAndGet();
                                return null;
                            case "commit":
                                return null;
                            default:
                                throw new UnsupportedOperationException(method.getName());
                        }
                    });
        }

        @Override
        public Connection getConnection(String username, String password) {
            throw new UnsupportedOperationException();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> iface) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }

    @Test
    public void aRollbackOnlyUnitOfWorkClosesItsConnectionWhenTheRollbackFails() {
        BrokenRollbackDataSource raw = new BrokenRollbackDataSource();
        ThreadUnitOfWork uow = new ThreadUnitOfWork(raw);
        IllegalStateException stepFailure = new IllegalStateException("posting refused");

        PersistenceException thrown = assertThrows(PersistenceException.class, () -> uow.required(() -> {
            try {
                uow.required(() -> {
                    throw stepFailure;
                });
            } catch (IllegalStateException swallowed) {
                // the caller swallows the step's failure: the unit of work is rollback-only now
            }
            return "done";
        }));

        assertSame("the step's failure is reported", stepFailure, thrown.getCause());
        assertEquals(1, thrown.getSuppressed().length);
        assertSame("the rollback failure is attached, not lost", raw.rollbackFailure, thrown.getSuppressed()[0]);
        assertEquals("the connection is released", 1, raw.closed.get());
        assertTrue("no unit of work stays bound to the thread", !uow.active());
    }

    @Test
    public void setRollbackOnlyWithAFailingRollbackStillClosesTheConnection() {
        BrokenRollbackDataSource raw = new BrokenRollbackDataSource();
        ThreadUnitOfWork uow = new ThreadUnitOfWork(raw);

        PersistenceException thrown = assertThrows(PersistenceException.class, () -> uow.required(() -> {
            uow.setRollbackOnly();
            return "done";
        }));

        assertSame(raw.rollbackFailure, thrown.getCause());
        assertEquals(1, raw.closed.get());
    }

    @Test
    public void aFailingWorkKeepsItsExceptionAndReleasesTheConnectionWhenTheRollbackFails() {
        BrokenRollbackDataSource raw = new BrokenRollbackDataSource();
        ThreadUnitOfWork uow = new ThreadUnitOfWork(raw);
        IllegalArgumentException failure = new IllegalArgumentException("bad input");

        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, () -> uow.required(() -> {
            throw failure;
        }));

        assertSame(failure, thrown);
        assertSame(raw.rollbackFailure, thrown.getSuppressed()[0]);
        assertEquals(1, raw.opened.get());
        assertEquals(1, raw.closed.get());
    }
}
