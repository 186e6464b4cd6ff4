package io.perfharness.service.faults;

/**
 * Subscribes one product-detail request to price changes of that product, so a price that moves
 * while the page is built can be flagged. It is the object the {@code leak} fault leaks: with the
 * fault on it is registered and never removed, and a heap histogram names this class. Each instance
 * holds a few KB (the recent price points shown on the page). Immutable.
 */
public final class ProductViewListener {
    /** Enough history for a price chart: 512 points, 4 KB per listener. */
    private static final int PRICE_POINTS = 512;

    private final long productId;
    private final String requestId;
    private final long registeredAtMillis;
    private final long[] recentPriceCents;

    public ProductViewListener(long productId, String requestId, long registeredAtMillis) {
        this.productId = productId;
        this.requestId = requestId;
        this.registeredAtMillis = registeredAtMillis;
        this.recentPriceCents = new long[PRICE_POINTS];
    }

    public long productId() {
        return productId;
    }

    public String requestId() {
        return requestId;
    }

    public long registeredAtMillis() {
        return registeredAtMillis;
    }

    /** Bytes of price history this listener keeps alive. */
    public int retainedPriceBytes() {
        return recentPriceCents.length * Long.BYTES;
    }
}
