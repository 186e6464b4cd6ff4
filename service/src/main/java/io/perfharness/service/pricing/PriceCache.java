package io.perfharness.service.pricing;

import io.micrometer.core.instrument.Counter;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;

/**
 * Price schedules by product, each kept for a short time-to-live because prices and promotions
 * change. With 5,000 products and a TTL of seconds most lookups under load are misses, so the load
 * path (database plus a 30 ms promotions round trip) is hot. With the {@code lock-contention} fault
 * one monitor guards the whole cache and is held during the load, so concurrent price lookups queue
 * behind each other's round trips; the fix loads outside any lock. Thread-safe.
 */
public final class PriceCache {
    public static final Duration DEFAULT_TTL = Duration.ofSeconds(2);

    private record Entry(PriceSchedule schedule, long loadedAtNanos) {}

    private final PriceScheduleLoader loader;
    private final boolean globalLock;
    private final Counter faultPath;
    private final LongSupplier nanoTime;
    private final long ttlNanos;

    private final PriceCacheMonitor monitor = new PriceCacheMonitor();
    /** Guarded by {@link #monitor}; used only with the fault on. */
    private final Map<Long, Entry> lockedEntries = new HashMap<>();
    private final ConcurrentMap<Long, Entry> entries = new ConcurrentHashMap<>();

    /**
     * @param globalLock true runs the planted {@code lock-contention} fault
     * @param faultPath counts runs of the faulty path
     * @param nanoTime monotonic clock, injected so tests can expire entries without sleeping
     */
    public PriceCache(PriceScheduleLoader loader, boolean globalLock, Counter faultPath, LongSupplier nanoTime,
            Duration ttl) {
        this.loader = loader;
        this.globalLock = globalLock;
        this.faultPath = faultPath;
        this.nanoTime = nanoTime;
        this.ttlNanos = ttl.toNanos();
    }

    /** The schedule of the product, from the cache while fresh; empty when there is no such product. */
    public Optional<PriceSchedule> get(long productId) {
        return globalLock ? getUnderGlobalLock(productId) : getWithLoadOutsideLock(productId);
    }

    /** The planted fault: every lookup takes one shared monitor and a miss loads while holding it. */
    Optional<PriceSchedule> getUnderGlobalLock(long productId) {
        faultPath.increment();
        synchronized (monitor) {
            Entry entry = lockedEntries.get(productId);
            if (isFresh(entry)) {
                return Optional.of(entry.schedule());
            }
            Optional<PriceSchedule> loaded = loader.load(productId);
            loaded.ifPresent(schedule -> lockedEntries.put(productId, new Entry(schedule, nanoTime.getAsLong())));
            return loaded;
        }
    }

    /**
     * The fix: a concurrent map read, and a miss loads with no lock held. Two threads missing the same
     * key both load it and the last write wins: a duplicate load is cheaper than a queue of waiters.
     */
    Optional<PriceSchedule> getWithLoadOutsideLock(long productId) {
        Entry entry = entries.get(productId);
        if (isFresh(entry)) {
            return Optional.of(entry.schedule());
        }
        Optional<PriceSchedule> loaded = loader.load(productId);
        loaded.ifPresent(schedule -> entries.put(productId, new Entry(schedule, nanoTime.getAsLong())));
        return loaded;
    }

    /** The coarse lock, for tests that check what runs under it. */
    Object monitor() {
        return monitor;
    }

    private boolean isFresh(Entry entry) {
        return entry != null && nanoTime.getAsLong() - entry.loadedAtNanos() < ttlNanos;
    }
}
