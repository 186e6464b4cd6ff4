package io.perfharness.service.catalog;

import io.perfharness.service.faults.ProductViewListener;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Process-wide registry of listeners for price changes of viewed products. Static on purpose: a
 * static collection is the classic GC root behind a leak, and this is where the {@code leak} fault
 * accumulates {@link ProductViewListener}s. Lock-free (a concurrent set, O(1) size) so it adds no
 * monitor to lock profiles. Thread-safe.
 */
public final class ProductViewRegistry {
    private static final Set<ProductViewListener> LISTENERS = ConcurrentHashMap.newKeySet();

    private ProductViewRegistry() {}

    public static void register(ProductViewListener listener) {
        LISTENERS.add(listener);
    }

    public static void unregister(ProductViewListener listener) {
        LISTENERS.remove(listener);
    }

    /** Listeners currently registered; exported as {@code shop_leak_registry_size}. */
    public static int size() {
        return LISTENERS.size();
    }
}
