package io.perfharness.service.db;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where the shop's data lives and how many pooled connections serve it.
 *
 * @param url a JDBC URL; H2 in memory by default, PostgreSQL when given {@code jdbc:postgresql://...}
 * @param poolSize maximum (and minimum idle) connections in the Hikari pool
 */
public record DatabaseSettings(String url, String user, String password, int poolSize) {
    public static final int DEFAULT_POOL_SIZE = 10;

    private static final AtomicInteger IN_MEMORY_DATABASES = new AtomicInteger();

    public DatabaseSettings {
        if (url == null || !url.startsWith("jdbc:")) {
            throw new IllegalArgumentException("database url must start with 'jdbc:' but was '" + url + "'");
        }
        if (poolSize < 1) {
            throw new IllegalArgumentException("pool size must be at least 1 but was " + poolSize);
        }
        user = user == null ? "" : user;
        password = password == null ? "" : password;
    }

    /**
     * A fresh in-memory H2 database in PostgreSQL mode. The name is unique per call so several
     * services in one JVM (tests) never share data.
     */
    public static DatabaseSettings inMemoryH2() {
        String name = "shop-" + ProcessHandle.current().pid() + "-" + IN_MEMORY_DATABASES.incrementAndGet();
        return new DatabaseSettings(
                "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                        + "DEFAULT_NULL_ORDERING=HIGH",
                "sa", "", DEFAULT_POOL_SIZE);
    }

    public boolean isPostgres() {
        return url.startsWith("jdbc:postgresql:");
    }

    public boolean isH2InMemory() {
        return url.startsWith("jdbc:h2:mem:");
    }

    /** The URL without credentials or parameters, safe to log. */
    public String describe() {
        int cut = url.indexOf(isPostgres() ? '?' : ';');
        return cut < 0 ? url : url.substring(0, cut);
    }
}
