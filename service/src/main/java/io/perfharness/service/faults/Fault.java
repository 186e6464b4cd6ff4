package io.perfharness.service.faults;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The catalogue of planted bottlenecks: the ground truth a profile of the sample service is judged
 * against. Each fault is off by default and switched on with {@code --fault=NAME[,NAME]}; when it is
 * off the service runs the documented fix. {@code docs/faults.md} mirrors this table (a test keeps
 * them in step).
 */
public enum Fault {
    CPU_REGEX(
            "cpu-regex",
            List.of("GET /api/search"),
            "io.perfharness.service.validation.InputValidator.matchesWithFreshPattern",
            "java.util.regex.Pattern",
            ProfileEvent.CPU,
            "Compile the block list once, combined into one static final Pattern per check (search query,"
                    + " product name), and only match it per call (InputValidator.matchesPrecompiled)."),
    ALLOC_CHURN(
            "alloc-churn",
            List.of("GET /api/orders/{orderId}/receipt"),
            "io.perfharness.service.orders.ReceiptFormatter.formatByConcatenation",
            "byte[]",
            ProfileEvent.ALLOC,
            "Build the receipt in one StringBuilder sized once from the line count and append the"
                    + " precomputed terms block (ReceiptFormatter.formatWithBuilder)."),
    LOCK_CONTENTION(
            "lock-contention",
            List.of("GET /api/products/{id}/price", "POST /api/orders"),
            "io.perfharness.service.pricing.PriceCache.getUnderGlobalLock",
            "io.perfharness.service.pricing.PriceCacheMonitor",
            ProfileEvent.LOCK,
            "Keep entries in a ConcurrentHashMap and load a missing or expired schedule outside any lock;"
                    + " two threads may load the same key at once, the last write wins"
                    + " (PriceCache.getWithLoadOutsideLock)."),
    N_PLUS_ONE(
            "n-plus-one",
            List.of("GET /api/customers/{customerId}/orders"),
            "io.perfharness.service.orders.OrderHistoryRepository.loadOneQueryPerItem",
            null,
            ProfileEvent.CPU,
            "Load the orders, their items and product names with one join query"
                    + " (OrderHistoryRepository.loadWithJoin): 2 statements per request instead of"
                    + " 2 + orders + items."),
    BLOCKING_IO(
            "blocking-io",
            List.of("POST /api/shipping/quote"),
            "io.perfharness.service.shipping.ShippingQuoteService.quoteFromCarrierBlocking",
            null,
            ProfileEvent.WALL,
            "Answer from a rate table precomputed at start-up from the carrier's published tariff, with no"
                    + " downstream call on the request thread (ShippingQuoteService.quoteFromRateTable);"
                    + " trade-off: a tariff change is seen only after the table is rebuilt."),
    LEAK(
            "leak",
            List.of("GET /api/products/{id}"),
            "io.perfharness.service.catalog.ProductViewTracker.registerWithoutRemoval",
            "io.perfharness.service.faults.ProductViewListener",
            ProfileEvent.HEAP,
            "Unregister the listener in a finally block when the request ends"
                    + " (ProductViewTracker.registerForRequest), so the registry holds only in-flight views."),
    THREAD_LEAK(
            "thread-leak",
            List.of("POST /api/shipping/quote"),
            "io.perfharness.service.shipping.TariffWatch.startPollerPerQuote",
            "io.perfharness.service.shipping.TariffChangePoller",
            ProfileEvent.THREADS,
            "Start no thread per request: the tariff is versioned once for the process and each quote is"
                    + " stamped with that version (TariffWatch.stampWithSharedWatcher); a poller, if one is"
                    + " needed, is one shared thread started with the service and stopped with it."),
    CONNECTION_LEAK(
            "connection-leak",
            List.of("GET /api/orders/{orderId}/receipt"),
            "io.perfharness.service.orders.ReceiptReconciler.reconcileLeakingConnection",
            null,
            ProfileEvent.CONNECTIONS,
            "Borrow the connection with try-with-resources (ReceiptReconciler.reconcile through"
                    + " Jdbc.withConnection), so it goes back to the pool on every path.");

    private final String cliName;
    private final List<String> endpoints;
    private final String culpritMethod;
    private final String culpritClass;
    private final ProfileEvent event;
    private final String fix;

    Fault(String cliName, List<String> endpoints, String culpritMethod, String culpritClass,
            ProfileEvent event, String fix) {
        this.cliName = cliName;
        this.endpoints = endpoints;
        this.culpritMethod = culpritMethod;
        this.culpritClass = culpritClass;
        this.event = event;
        this.fix = fix;
    }

    /** The name on the command line, e.g. {@code cpu-regex}. */
    public String cliName() {
        return cliName;
    }

    /** The endpoints whose requests run the culprit, as "METHOD route-template". */
    public List<String> endpoints() {
        return endpoints;
    }

    /** Fully qualified {@code package.Class.method} that a good profile points at. */
    public String culpritMethod() {
        return culpritMethod;
    }

    /** The class a profile names as the cost itself (allocated, locked on, leaked), where there is one. */
    public Optional<String> culpritClass() {
        return Optional.ofNullable(culpritClass);
    }

    /** The profiling event (or heap histogram) that shows this fault best. */
    public ProfileEvent event() {
        return event;
    }

    /** What the code does when the fault is off. */
    public String fix() {
        return fix;
    }

    /**
     * The fault with this command-line name.
     *
     * @throws IllegalArgumentException naming the value and every known name
     */
    public static Fault fromCliName(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        for (Fault fault : values()) {
            if (fault.cliName.equals(wanted)) {
                return fault;
            }
        }
        throw new IllegalArgumentException(
                "unknown fault '" + name + "'; known faults: " + knownNames());
    }

    /** All command-line names, comma separated, in declaration order. */
    public static String knownNames() {
        return Arrays.stream(values()).map(Fault::cliName).collect(Collectors.joining(", "));
    }
}
