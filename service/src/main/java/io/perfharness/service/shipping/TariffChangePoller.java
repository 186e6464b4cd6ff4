package io.perfharness.service.shipping;

import java.util.concurrent.CountDownLatch;

/**
 * Waits for the carrier to announce a tariff change that would invalidate one quote. The object the
 * {@code thread-leak} fault leaves behind, one per quote, each on its own parked thread; a heap
 * histogram names this class next to {@code java.lang.Thread}. Immutable.
 */
public final class TariffChangePoller implements Runnable {
    private final ShippingQuote quote;
    private final CountDownLatch tariffChanged;

    TariffChangePoller(ShippingQuote quote, CountDownLatch tariffChanged) {
        this.quote = quote;
        this.tariffChanged = tariffChanged;
    }

    /** The quote whose price this poller guards. */
    public ShippingQuote quote() {
        return quote;
    }

    @Override
    public void run() {
        try {
            // the tariff is fixed for the life of the process, so this waits until the service stops
            tariffChanged.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
