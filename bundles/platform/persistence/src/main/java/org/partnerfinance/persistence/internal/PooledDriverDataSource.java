package org.partnerfinance.persistence.internal;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.logging.Logger;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * Pooled connections to a non-embedded database: a HikariCP pool over the driver's DataSource. Opening a physical
 * PostgreSQL connection starts a server process, far too costly for every unit of work.
 *
 * <p>A connection request first makes sure a driver is installed, so that a missing driver bundle is reported at
 * once with the {@link DriverRegistry} message, not as a pool timeout.
 */
final class PooledDriverDataSource implements DataSource, AutoCloseable {

    private final DriverDataSource driver;
    private final HikariDataSource pool;

    PooledDriverDataSource(DriverDataSource driver, int poolSize, Duration driverWait) {
        this.driver = driver;
        HikariConfig config = new HikariConfig();
        config.setPoolName("pf-persistence");
        config.setDataSource(driver);
        config.setMaximumPoolSize(Math.max(1, poolSize));
        config.setMinimumIdle(Math.min(2, Math.max(1, poolSize)));
        // opens no connection now: the driver bundle may still be starting
        config.setInitializationFailTimeout(-1);
        config.setConnectionTimeout(Math.max(30_000L, driverWait.toMillis() + 5_000L));
        this.pool = new HikariDataSource(config);
    }

    @Override
    public Connection getConnection() throws SQLException {
        driver.requireDriver();
        return pool.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("The pool connects as the configured jdbc.user only");
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return pool.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return pool.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return pool.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return pool.isWrapperFor(iface);
    }

    /** Closes every pooled connection. */
    @Override
    public void close() {
        pool.close();
    }
}
