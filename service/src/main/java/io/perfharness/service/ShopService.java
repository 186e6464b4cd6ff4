package io.perfharness.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.perfharness.service.catalog.CategoryDirectory;
import io.perfharness.service.catalog.InventoryRepository;
import io.perfharness.service.catalog.ProductRepository;
import io.perfharness.service.catalog.ProductViewRegistry;
import io.perfharness.service.catalog.ProductViewTracker;
import io.perfharness.service.db.ConnectionPool;
import io.perfharness.service.db.DatabaseSettings;
import io.perfharness.service.db.Jdbc;
import io.perfharness.service.db.SeedCounts;
import io.perfharness.service.db.SeedDataWriter;
import io.perfharness.service.faults.Fault;
import io.perfharness.service.http.CpuScale;
import io.perfharness.service.http.HttpServices;
import io.perfharness.service.http.ShopHttpServer;
import io.perfharness.service.logging.JsonLineWriter;
import io.perfharness.service.metrics.RequestTimers;
import io.perfharness.service.metrics.ShopMetrics;
import io.perfharness.service.orders.CartRepository;
import io.perfharness.service.orders.OrderHistoryRepository;
import io.perfharness.service.orders.OrderRepository;
import io.perfharness.service.orders.OrderService;
import io.perfharness.service.orders.ReceiptFormatter;
import io.perfharness.service.orders.ReceiptReconciler;
import io.perfharness.service.pricing.PriceCache;
import io.perfharness.service.pricing.PriceScheduleRepository;
import io.perfharness.service.pricing.PricingService;
import io.perfharness.service.pricing.PromotionsClient;
import io.perfharness.service.shipping.CarrierTariff;
import io.perfharness.service.shipping.ShippingQuoteService;
import io.perfharness.service.shipping.TariffWatch;
import io.perfharness.service.validation.InputValidator;
import java.io.OutputStream;
import java.sql.SQLException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;

/**
 * A running shop service: database seeded, HTTP server listening. Start it in-process with
 * {@link #start(ShopServiceConfig)} (tests, benchmarks) or from the command line with
 * {@link ShopServiceMain}. Thread-safe; {@link #close()} is idempotent.
 */
public final class ShopService implements AutoCloseable {
    private final ShopServiceConfig config;
    private final JsonLineWriter log;
    private final ShopMetrics metrics;
    private final ConnectionPool pool;
    private final ShopHttpServer server;
    private final TariffWatch tariffWatch;
    private final AtomicBoolean ready;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final long startedAtNanos;

    private ShopService(ShopServiceConfig config, JsonLineWriter log, ShopMetrics metrics, ConnectionPool pool,
            ShopHttpServer server, TariffWatch tariffWatch, AtomicBoolean ready, long startedAtNanos) {
        this.config = config;
        this.log = log;
        this.metrics = metrics;
        this.pool = pool;
        this.server = server;
        this.tariffWatch = tariffWatch;
        this.ready = ready;
        this.startedAtNanos = startedAtNanos;
    }

    /** Starts with JSON lines on standard output. */
    public static ShopService start(ShopServiceConfig config) throws ServiceStartException {
        ObjectMapper mapper = new ObjectMapper();
        return start(config, JsonLineWriter.stdout(mapper, Clock.systemUTC()), mapper);
    }

    /** Starts with JSON lines written to {@code logOut} (tests capture them). */
    public static ShopService start(ShopServiceConfig config, OutputStream logOut) throws ServiceStartException {
        ObjectMapper mapper = new ObjectMapper();
        return start(config, new JsonLineWriter(logOut, mapper, Clock.systemUTC()), mapper);
    }

    private static ShopService start(ShopServiceConfig config, JsonLineWriter log, ObjectMapper mapper)
            throws ServiceStartException {
        long startNanos = System.nanoTime();
        DatabaseSettings database = config.database();
        log.event("INFO", "starting", fields("faults", faultNames(config), "database", database.describe(),
                "host", config.host(), "port", config.port(), "cpuScale", config.cpuScale()));
        ShopMetrics metrics = new ShopMetrics();
        ConnectionPool pool = null;
        try {
            pool = new ConnectionPool(database, metrics.registry());
            long seedStartNanos = System.nanoTime();
            SeedCounts counts = seed(pool);
            log.event("INFO", "seeded", fields("counts", counts,
                    "durationMillis", (System.nanoTime() - seedStartNanos) / 1_000_000));

            AtomicBoolean ready = new AtomicBoolean();
            HttpServices services = wire(config, pool, metrics, log, mapper, ready);
            ShopHttpServer server = ShopHttpServer.start(config.host(), config.port(), services);
            ready.set(true);
            ShopService service = new ShopService(config, log, metrics, pool, server, services.tariffWatch(), ready,
                    startNanos);
            log.write(fields("event", "listening", "port", server.port(), "url", service.baseUrl(),
                    "pid", ProcessHandle.current().pid(), "faults", faultNames(config), "cpuScale", config.cpuScale()));
            log.event("INFO", "started", fields("startupMillis", (System.nanoTime() - startNanos) / 1_000_000));
            return service;
        } catch (RuntimeException | SQLException e) {
            if (pool != null) {
                pool.close();
            }
            metrics.close();
            String message = "the shop service could not start (database " + database.describe() + ", "
                    + config.host() + ":" + config.port() + "): " + e.getMessage();
            log.event("ERROR", "start_failed", fields("message", message));
            throw new ServiceStartException(message, e);
        }
    }

    private static SeedCounts seed(ConnectionPool pool) throws SQLException {
        // the seed runs before statements are counted: shop_db_statements_total counts what requests cost
        return SeedDataWriter.write(pool.dataSource());
    }

    private static HttpServices wire(ShopServiceConfig config, ConnectionPool pool, ShopMetrics metrics,
            JsonLineWriter log, ObjectMapper mapper, AtomicBoolean ready) {
        Clock clock = Clock.systemUTC();
        DataSource counted = pool.countingDataSource(statements -> metrics.dbStatements().increment(statements));
        Jdbc jdbc = new Jdbc(counted);
        metrics.gaugeLeakRegistrySize(ProductViewRegistry::size);

        PriceCache priceCache = new PriceCache(new PriceScheduleRepository(jdbc, new PromotionsClient()),
                config.isOn(Fault.LOCK_CONTENTION),
                metrics.faultPath(Fault.LOCK_CONTENTION), System::nanoTime, PriceCache.DEFAULT_TTL);
        PricingService pricing = new PricingService(priceCache);
        OrderRepository orders = new OrderRepository(jdbc);
        return new HttpServices(
                new ProductRepository(jdbc),
                new InventoryRepository(jdbc),
                CategoryDirectory.load(jdbc),
                new ProductViewTracker(config.isOn(Fault.LEAK), metrics.faultPath(Fault.LEAK), clock),
                new InputValidator(config.isOn(Fault.CPU_REGEX),
                        metrics.regexCompilations(), metrics.faultPath(Fault.CPU_REGEX)),
                pricing,
                new CartRepository(jdbc, clock),
                new OrderService(orders, pricing, clock),
                orders,
                new OrderHistoryRepository(jdbc, config.isOn(Fault.N_PLUS_ONE), metrics.faultPath(Fault.N_PLUS_ONE)),
                new ReceiptFormatter(config.isOn(Fault.ALLOC_CHURN), metrics.faultPath(Fault.ALLOC_CHURN)),
                new ReceiptReconciler(counted, config.isOn(Fault.CONNECTION_LEAK),
                        metrics.faultPath(Fault.CONNECTION_LEAK), ReceiptReconciler.SAMPLE_EVERY),
                new ShippingQuoteService(new CarrierTariff(), config.isOn(Fault.BLOCKING_IO),
                        metrics.faultPath(Fault.BLOCKING_IO)),
                new TariffWatch(config.isOn(Fault.THREAD_LEAK), metrics.faultPath(Fault.THREAD_LEAK)),
                metrics,
                new RequestTimers(metrics.registry()),
                log,
                config.logRequests(),
                CpuScale.withThreadCpuClock(config.cpuScale(), metrics.cpuScaleExtraSeconds()::increment),
                ready::get,
                mapper);
    }

    public int port() {
        return server.port();
    }

    /** {@code http://host:port}, with brackets around an IPv6 host. */
    public String baseUrl() {
        String host = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
        return "http://" + host + ":" + port();
    }

    public ShopServiceConfig config() {
        return config;
    }

    /** Stops serving, closes the pool and the metrics, and writes a {@code stopped} event. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        ready.set(false);
        try {
            server.close();
        } finally {
            tariffWatch.close();
            pool.close();
            metrics.close();
            log.event("INFO", "stopped", fields("uptimeMillis", (System.nanoTime() - startedAtNanos) / 1_000_000));
        }
    }

    private static List<String> faultNames(ShopServiceConfig config) {
        return config.faults().stream().map(Fault::cliName).toList();
    }

    /** An insertion-ordered map from alternating keys and values, for JSON lines with a stable key order. */
    private static Map<String, Object> fields(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
