package io.perfharness.service.shipping;

import io.micrometer.core.instrument.Counter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps quotes honest against carrier tariff changes. With the {@code thread-leak} fault every quote
 * starts its own poller thread ({@code shipping-poller-N}) that parks until a tariff change that never
 * comes, so live threads grow by one per quote; the fix stamps the quote with the tariff version that
 * one shared watcher already tracks. Thread-safe; {@link #close()} releases parked pollers.
 */
public final class TariffWatch implements AutoCloseable {
    /** Name prefix of the leaked threads; a thread dump shows {@code shipping-poller-1, -2, ...}. */
    public static final String POLLER_THREAD_PREFIX = "shipping-poller-";

    private final boolean threadPerQuote;
    private final Counter faultPath;
    private final CountDownLatch tariffChanged = new CountDownLatch(1);
    private final AtomicLong pollersStarted = new AtomicLong();
    private final AtomicLong quotesWatched = new AtomicLong();

    /**
     * @param threadPerQuote true runs the planted {@code thread-leak} fault
     * @param faultPath counts runs of the faulty path
     */
    public TariffWatch(boolean threadPerQuote, Counter faultPath) {
        this.threadPerQuote = threadPerQuote;
        this.faultPath = faultPath;
    }

    /** Watches {@code quote} for a tariff change until the quote expires. */
    public void watch(ShippingQuote quote) {
        if (threadPerQuote) {
            startPollerPerQuote(quote);
        } else {
            stampWithSharedWatcher(quote);
        }
    }

    /** The planted leak: a new thread per quote, parked until a tariff change that never comes. */
    void startPollerPerQuote(ShippingQuote quote) {
        faultPath.increment();
        Thread poller = new Thread(new TariffChangePoller(quote, tariffChanged),
                POLLER_THREAD_PREFIX + pollersStarted.incrementAndGet());
        // daemon only so a stopping JVM is not held up; the leak is the same
        poller.setDaemon(true);
        poller.start();
    }

    /** The fix: the tariff is versioned once for the process, so a quote needs no thread of its own. */
    void stampWithSharedWatcher(ShippingQuote quote) {
        quotesWatched.incrementAndGet();
    }

    /** Poller threads started so far (the {@code thread-leak} fault's evidence). */
    public long pollersStarted() {
        return pollersStarted.get();
    }

    /** Lets every parked poller finish: the service is stopping. */
    @Override
    public void close() {
        tariffChanged.countDown();
    }
}
