package org.partnerfinance.persistence.internal;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;

import javax.sql.DataSource;

/**
 * DataSource view that joins the current unit of work (the pattern of Spring's TransactionAwareDataSourceProxy).
 * Inside {@link ThreadUnitOfWork#required} every {@link #getConnection()} returns a handle on the one connection of
 * the unit of work: its {@code commit} and {@code close} are deferred to the unit of work, {@code setAutoCommit} is
 * ignored, and {@code rollback} marks the unit of work rollback-only. Outside a unit of work it returns a fresh
 * connection of the underlying DataSource.
 */
final class TransactionAwareDataSource implements DataSource {

    private final ThreadUnitOfWork unitOfWork;

    TransactionAwareDataSource(ThreadUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    @Override
    public Connection getConnection() throws SQLException {
        ThreadUnitOfWork.Transaction tx = unitOfWork.currentTransaction();
        if (tx == null) {
            return unitOfWork.rawDataSource().getConnection();
        }
        return (Connection) Proxy.newProxyInstance(TransactionAwareDataSource.class.getClassLoader(),
                new Class<?>[] {Connection.class}, new BoundConnectionHandler(tx));
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("The portal DataSource uses the configured database user");
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return unitOfWork.rawDataSource().getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        unitOfWork.rawDataSource().setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        unitOfWork.rawDataSource().setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return unitOfWork.rawDataSource().getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return unitOfWork.rawDataSource().getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        return unitOfWork.rawDataSource().unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || unitOfWork.rawDataSource().isWrapperFor(iface);
    }

    /** One handle on the bound connection; closing it closes only the handle. */
    private static final class BoundConnectionHandler implements InvocationHandler {
        private final ThreadUnitOfWork.Transaction tx;
        private boolean closed;

        BoundConnectionHandler(ThreadUnitOfWork.Transaction tx) {
            this.tx = tx;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            int argc = args == null ? 0 : args.length;
            switch (name) {
                case "equals":
                    return proxy == args[0];
                case "hashCode":
                    return System.identityHashCode(proxy);
                case "toString":
                    return "Unit-of-work connection handle [" + tx.connection + "]" + (closed ? " (closed)" : "");
                case "close":
                    closed = true;
                    return null;
                case "isClosed":
                    return closed || tx.connection.isClosed();
                default:
                    break;
            }
            if (closed) {
                throw new SQLException("Connection handle already closed");
            }
            switch (name) {
                case "commit":
                    return null; // deferred to the end of the unit of work
                case "rollback":
                    if (argc == 0) {
                        tx.markRollbackOnly("A participant rolled the unit of work back");
                        return null;
                    }
                    break; // rollback to a savepoint is the participant's own business
                case "setAutoCommit":
                    return null; // the unit of work owns the transaction boundaries
                case "getAutoCommit":
                    return false;
                case "unwrap":
                    if (((Class<?>) args[0]).isInstance(proxy)) {
                        return proxy;
                    }
                    break;
                case "isWrapperFor":
                    if (((Class<?>) args[0]).isInstance(proxy)) {
                        return true;
                    }
                    break;
                default:
                    break;
            }
            try {
                return method.invoke(tx.connection, args);
            } catch (InvocationTargetException e) {
                throw e.getTargetException();
            }
        }
    }
}
