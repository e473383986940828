package org.partnerfinance.persistence.internal;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.osgi.service.jdbc.DataSourceFactory;

/**
 * DataSource of a non-embedded database, created from whichever {@link DataSourceFactory} accepts the URL. The factory
 * is looked up at the first connection (waiting a while for driver bundles that start later) and again whenever the
 * one in use went away.
 */
final class DriverDataSource implements DataSource {

    private final DriverRegistry registry;
    private final String url;
    private final String user;
    private final String password;
    private final Duration wait;
    private volatile Resolved resolved;
    /** Set before the driver may be there (a pool does so when it is created); applied once it is. */
    private volatile int loginTimeoutSeconds;

    DriverDataSource(DriverRegistry registry, String url, String user, String password, Duration wait) {
        this.registry = registry;
        this.url = url;
        this.user = user;
        this.password = password;
        this.wait = wait;
    }

    private DataSource target() {
        Resolved r = resolved;
        if (r != null && registry.contains(r.factory)) {
            return r.dataSource;
        }
        synchronized (this) {
            r = resolved;
            if (r != null && registry.contains(r.factory)) {
                return r.dataSource;
            }
            DataSourceFactory factory = registry.await(url, wait);
            r = new Resolved(factory, DriverRegistry.createDataSource(factory, url, user, password));
            if (loginTimeoutSeconds > 0) {
                try {
                    r.dataSource.setLoginTimeout(loginTimeoutSeconds);
                } catch (SQLException e) {
                    // the driver keeps its own default
                }
            }
            resolved = r;
            return r.dataSource;
        }
    }

    /**
     * Waits (up to the configured time) for a driver that accepts the URL.
     *
     * @throws org.partnerfinance.persistence.api.PersistenceException naming what to install when there is none
     */
    void requireDriver() {
        target();
    }

    @Override
    public Connection getConnection() throws SQLException {
        return target().getConnection();
    }

    @Override
    public Connection getConnection(String username, String pw) throws SQLException {
        return target().getConnection(username, pw);
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return target().getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        target().setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        loginTimeoutSeconds = seconds;
        Resolved r = resolved;
        if (r != null) {
            r.dataSource.setLoginTimeout(seconds);
        }
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeoutSeconds;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return target().getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return target().unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return target().isWrapperFor(iface);
    }

    private record Resolved(DataSourceFactory factory, DataSource dataSource) {
    }
}
