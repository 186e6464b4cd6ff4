package io.perfharness.service.db;

import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongConsumer;
import org.h2.api.DatabaseEventListener;

/**
 * Counts the statements an embedded H2 database executes, from inside H2: H2 reports the start of
 * every statement to its {@link DatabaseEventListener}, so nothing of ours wraps the JDBC objects and
 * no frame of ours sits between the caller and H2 in a profile (only the few nanoseconds of the
 * count itself). Transaction control ({@code COMMIT}, {@code ROLLBACK}, issued by
 * {@code Connection.commit()} and friends) and connection settings ({@code SET ...}, run when a
 * connection opens, as is the settings query of H2's network client) are not counted: they are not
 * statements the service's code executes.
 *
 * <p>H2 creates the listener itself, by class name, from the URL setting
 * {@code DATABASE_EVENT_LISTENER} ({@link #attachTo(String)}), so the listener finds its counter in a
 * static registry keyed by the database part of the URL ({@link #count(String, LongConsumer)}).
 * Statements run before a counter is registered (the seed) are not counted. Thread-safe.
 */
public final class H2StatementListener implements DatabaseEventListener {
    private static final ConcurrentMap<String, LongConsumer> COUNTERS = new ConcurrentHashMap<>();
    private static final String URL_SETTING = "DATABASE_EVENT_LISTENER";
    /** What H2's network client asks as it opens a connection. */
    private static final String REMOTE_SESSION_SETTINGS =
            "SELECT SETTING_NAME, SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS";

    private volatile String database = "";

    /** Created by H2 through the URL setting. */
    public H2StatementListener() {}

    /**
     * Whether statements of this JDBC URL can be counted with the listener: an embedded H2 database
     * (in memory or a file) whose URL does not name an event listener of its own. A server URL
     * ({@code tcp:}, {@code ssl:}) would create the listener in the server's JVM, not in ours.
     */
    public static boolean canCount(String url) {
        if (!url.startsWith("jdbc:h2:")) {
            return false;
        }
        String rest = url.substring("jdbc:h2:".length()).toLowerCase(Locale.ROOT);
        return !rest.startsWith("tcp:") && !rest.startsWith("ssl:")
                && !url.toUpperCase(Locale.ROOT).contains(URL_SETTING);
    }

    /**
     * {@code url} with this listener attached: an embedded URL that passes {@link #canCount(String)},
     * or the URL of such a database served by an {@link H2TcpServer} of this JVM.
     */
    public static String attachTo(String url) {
        if (!url.startsWith("jdbc:h2:") || url.toUpperCase(Locale.ROOT).contains(URL_SETTING)) {
            throw new IllegalArgumentException("url must be an H2 URL without an event listener but was '" + url + "'");
        }
        return url + ";" + URL_SETTING + "='" + H2StatementListener.class.getName() + "'";
    }

    /**
     * Starts counting the statements of the database of the embedded {@code url} (one that passes
     * {@link #canCount(String)}, whether it is opened embedded or through an {@link H2TcpServer} of this
     * JVM); running the result stops it.
     *
     * @param statementsExecuted called with 1 as each statement starts
     * @throws IllegalStateException when statements of this database are counted already
     */
    public static Runnable count(String url, LongConsumer statementsExecuted) {
        String database = databaseOf(url);
        if (COUNTERS.putIfAbsent(database, statementsExecuted) != null) {
            throw new IllegalStateException("statements of database '" + database + "' are counted already");
        }
        return () -> COUNTERS.remove(database, statementsExecuted);
    }

    /** H2 passes the URL without its settings, e.g. {@code jdbc:h2:mem:shop-1}. */
    @Override
    public void init(String url) {
        database = databaseOf(url);
    }

    @Override
    public void setProgress(int state, String sql, long x, long max) {
        if (state != STATE_STATEMENT_START || isNotCounted(sql)) {
            return;
        }
        LongConsumer counter = COUNTERS.get(database);
        if (counter != null) {
            counter.accept(1);
        }
    }

    static String databaseOf(String url) {
        int settings = url.indexOf(';');
        return settings < 0 ? url : url.substring(0, settings);
    }

    private static boolean isNotCounted(String sql) {
        return sql == null || sql.equals("COMMIT") || sql.equals("ROLLBACK") || sql.startsWith("SET ")
                || sql.startsWith(REMOTE_SESSION_SETTINGS);
    }
}
