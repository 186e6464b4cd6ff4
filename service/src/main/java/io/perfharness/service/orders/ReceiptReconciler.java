package io.perfharness.service.orders;

import io.micrometer.core.instrument.Counter;
import io.perfharness.service.db.DataAccessException;
import io.perfharness.service.db.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * Samples one receipt view in {@link #SAMPLE_EVERY} and re-reads that order's total against the sum of
 * its lines (a cheap consistency audit). With the {@code connection-leak} fault the sampled check borrows
 * a pooled connection by hand and never closes it, so the pool's active connections grow by one per
 * sample until it is exhausted; the fix borrows it with try-with-resources. Thread-safe.
 */
public final class ReceiptReconciler {
    /** One receipt view in 50 is checked: at the default load about one every 25 s. */
    public static final int SAMPLE_EVERY = 50;

    static final String TOTALS_SQL = "SELECT o.total_cents, COALESCE(SUM(i.quantity * i.unit_price_cents), 0)"
            + " FROM orders o LEFT JOIN order_items i ON i.order_id = o.id WHERE o.id = ? GROUP BY o.total_cents";

    private final DataSource dataSource;
    private final Jdbc jdbc;
    private final boolean leakConnections;
    private final Counter faultPath;
    private final int sampleEvery;
    private final AtomicLong views = new AtomicLong();
    private final AtomicLong mismatches = new AtomicLong();

    /**
     * @param leakConnections true runs the planted {@code connection-leak} fault
     * @param faultPath counts runs of the faulty path
     * @param sampleEvery one view in this many is checked (first view included)
     */
    public ReceiptReconciler(DataSource dataSource, boolean leakConnections, Counter faultPath, int sampleEvery) {
        if (sampleEvery < 1) {
            throw new IllegalArgumentException("sampleEvery must be at least 1 but was " + sampleEvery);
        }
        this.dataSource = dataSource;
        this.jdbc = new Jdbc(dataSource);
        this.leakConnections = leakConnections;
        this.faultPath = faultPath;
        this.sampleEvery = sampleEvery;
    }

    /** Counts a receipt view of {@code orderId} and checks it when it is sampled. */
    public void viewed(long orderId) {
        if (views.getAndIncrement() % sampleEvery != 0) {
            return;
        }
        boolean consistent = leakConnections ? reconcileLeakingConnection(orderId) : reconcile(orderId);
        if (!consistent) {
            mismatches.incrementAndGet();
        }
    }

    /** The planted leak: the connection is borrowed by hand and nothing ever gives it back. */
    boolean reconcileLeakingConnection(long orderId) {
        faultPath.increment();
        try {
            Connection connection = dataSource.getConnection();
            return totalsMatch(connection, orderId);
        } catch (SQLException e) {
            throw new DataAccessException("reconcile order " + orderId, e);
        }
    }

    /** The fix: the connection goes back to the pool whatever happens. */
    boolean reconcile(long orderId) {
        return jdbc.withConnection("reconcile order " + orderId, connection -> totalsMatch(connection, orderId));
    }

    private static boolean totalsMatch(Connection connection, long orderId) throws SQLException {
        return Jdbc.one(connection, TOTALS_SQL, row -> row.getLong(1) == row.getLong(2), orderId).orElse(true);
    }

    /** Sampled orders whose stored total differed from the sum of their lines. */
    public long mismatches() {
        return mismatches.get();
    }
}
