package io.perfharness.service.pricing;

/**
 * The monitor of the coarse price-cache lock. A class of its own so a lock profile names it
 * ({@code io.perfharness.service.pricing.PriceCacheMonitor}) instead of a bare {@code java.lang.Object}.
 */
final class PriceCacheMonitor {}
