package io.perfharness.service.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.LongConsumer;
import javax.sql.DataSource;

/**
 * The HikariCP pool of the service, reporting {@code hikaricp_*} metrics to Micrometer. Closing it
 * also shuts down an in-memory H2 database, which would otherwise outlive the pool, and its server.
 * Thread-safe.
 */
public final class ConnectionPool implements AutoCloseable {
    public static final String POOL_NAME = "shop-db";

    private final DatabaseSettings settings;
    private final H2TcpServer server;
    private final HikariDataSource dataSource;
    private volatile Runnable stopCounting;

    /**
     * Opens the pool. An in-memory H2 database is served over loopback TCP by an {@link H2TcpServer} in
     * this JVM, so statements cost a round trip as they would against a database server.
     */
    public ConnectionPool(DatabaseSettings settings, MeterRegistry registry) throws SQLException {
        this.settings = settings;
        this.server = settings.isH2InMemory() ? H2TcpServer.start() : null;
        try {
            this.dataSource = new HikariDataSource(hikariConfig(settings, server, registry));
        } catch (RuntimeException e) {
            if (server != null) {
                server.close();
            }
            throw e;
        }
    }

    private static HikariConfig hikariConfig(DatabaseSettings settings, H2TcpServer server, MeterRegistry registry) {
        String url = server == null ? settings.url() : server.urlOf(settings.url());
        String jdbcUrl = H2StatementListener.canCount(settings.url()) ? H2StatementListener.attachTo(url) : url;
        HikariConfig config = new HikariConfig();
        config.setPoolName(POOL_NAME);
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.poolSize());
        config.setMinimumIdle(settings.poolSize());
        // fail a request after 5 s of pool starvation rather than Hikari's 30 s, so a saturated
        // pool shows up as errors within a load-test window
        config.setConnectionTimeout(5_000);
        config.setInitializationFailTimeout(10_000);
        if (settings.isPostgres()) {
            config.addDataSourceProperty("reWriteBatchedInserts", "true");
        }
        config.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry));
        return config;
    }

    /** The pool itself, uncounted (for the seed). */
    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * The pool, with every statement executed from now on reported to {@code statementsExecuted}. On an
     * H2 database of this JVM the database itself reports them ({@link H2StatementListener}) and the
     * pool is returned as is, so no wrapper of ours sits on the stack of each statement; on other
     * databases the connections are wrapped ({@link StatementCountingDataSource}). Call it once.
     */
    public synchronized DataSource countingDataSource(LongConsumer statementsExecuted) {
        if (stopCounting != null) {
            throw new IllegalStateException("statements are counted already");
        }
        if (H2StatementListener.canCount(settings.url())) {
            stopCounting = H2StatementListener.count(settings.url(), statementsExecuted);
            return dataSource;
        }
        stopCounting = () -> { };
        return new StatementCountingDataSource(dataSource, statementsExecuted);
    }

    @Override
    public void close() {
        if (stopCounting != null) {
            stopCounting.run();
        }
        if (settings.isH2InMemory() && !dataSource.isClosed()) {
            try (Connection connection = dataSource.getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("SHUTDOWN");
            } catch (SQLException e) {
                // already gone; closing the pool below is all that is left to do
            }
        }
        dataSource.close();
        if (server != null) {
            server.close();
        }
    }
}
