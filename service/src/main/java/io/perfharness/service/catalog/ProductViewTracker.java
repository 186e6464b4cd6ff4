package io.perfharness.service.catalog;

import io.micrometer.core.instrument.Counter;
import io.perfharness.service.faults.ProductViewListener;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * Registers a price-change listener while a product detail is built. With the {@code leak} fault the
 * listener is registered and never removed; without it the listener is removed when the request
 * ends. Thread-safe.
 */
public final class ProductViewTracker {
    private final boolean leakListeners;
    private final Counter faultPath;
    private final Clock clock;

    /**
     * @param leakListeners true runs the planted leak
     * @param faultPath counts runs of the leaking path
     */
    public ProductViewTracker(boolean leakListeners, Counter faultPath, Clock clock) {
        this.leakListeners = leakListeners;
        this.faultPath = faultPath;
        this.clock = clock;
    }

    /** Runs {@code work} while a listener for {@code productId} is registered. */
    public <T> T whileViewing(long productId, String requestId, Supplier<T> work) {
        ProductViewListener listener = new ProductViewListener(productId, requestId, clock.millis());
        if (leakListeners) {
            registerWithoutRemoval(listener);
            return work.get();
        }
        return registerForRequest(listener, work);
    }

    /** The planted leak: nothing ever unregisters this listener. */
    void registerWithoutRemoval(ProductViewListener listener) {
        faultPath.increment();
        ProductViewRegistry.register(listener);
    }

    /** The fix: the listener lives exactly as long as the request. */
    <T> T registerForRequest(ProductViewListener listener, Supplier<T> work) {
        ProductViewRegistry.register(listener);
        try {
            return work.get();
        } finally {
            ProductViewRegistry.unregister(listener);
        }
    }
}
