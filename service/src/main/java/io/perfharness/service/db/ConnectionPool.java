package io.perfharness.service.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * The HikariCP pool of the service, reporting {@code hikaricp_*} metrics to Micrometer. Closing it
 * also shuts down an in-memory H2 database, which would otherwise outlive the pool. Thread-safe.
 */
public final class ConnectionPool implements AutoCloseable {
    public static final String POOL_NAME = "shop-db";

    private final DatabaseSettings settings;
    private final HikariDataSource dataSource;

    public ConnectionPool(DatabaseSettings settings, MeterRegistry registry) {
        this.settings = settings;
        HikariConfig config = new HikariConfig();
        config.setPoolName(POOL_NAME);
        config.setJdbcUrl(settings.url());
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
        this.dataSource = new HikariDataSource(config);
    }

    /** The pool itself, uncounted; the service hands out a counting wrapper around it. */
    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        if (settings.isH2InMemory() && !dataSource.isClosed()) {
            try (Connection connection = dataSource.getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("SHUTDOWN");
            } catch (SQLException e) {
                // already gone; closing the pool below is all that is left to do
            }
        }
        dataSource.close();
    }
}
