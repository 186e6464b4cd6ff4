package io.perfharness.service.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmInfoMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.perfharness.service.faults.Fault;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The service's meter registry (Prometheus format) with the JVM and process binders and the custom
 * {@code shop_*} meters that tests and the harness read from {@code GET /metrics}. Thread-safe; one
 * per running service.
 */
public final class ShopMetrics implements AutoCloseable {
    /** Prometheus: {@code shop_db_statements_total}. */
    public static final String DB_STATEMENTS = "shop.db.statements";
    /** Prometheus: {@code shop_regex_compilations_total}. */
    public static final String REGEX_COMPILATIONS = "shop.regex.compilations";
    /** Prometheus: {@code shop_leak_registry_size}. */
    public static final String LEAK_REGISTRY_SIZE = "shop.leak.registry.size";
    /** Prometheus: {@code shop_cpu_scale_extra_seconds_total}. */
    public static final String CPU_SCALE_EXTRA = "shop.cpu.scale.extra";
    /** Prometheus: {@code shop_fault_path_total{fault="..."}}. */
    public static final String FAULT_PATH = "shop.fault.path";

    private final PrometheusMeterRegistry registry;
    private final JvmGcMetrics gcMetrics;
    private final Counter dbStatements;
    private final Counter regexCompilations;
    private final Counter cpuScaleExtraSeconds;
    private final Map<Fault, Counter> faultPaths = new EnumMap<>(Fault.class);

    public ShopMetrics() {
        registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(registry);
        gcMetrics = new JvmGcMetrics();
        gcMetrics.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new JvmInfoMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);

        dbStatements = Counter.builder(DB_STATEMENTS)
                .description("JDBC statements executed by the service (a batch counts each of its entries)")
                .register(registry);
        regexCompilations = Counter.builder(REGEX_COMPILATIONS)
                .description("java.util.regex.Pattern compilations done by the input validator")
                .register(registry);
        cpuScaleExtraSeconds = Counter.builder(CPU_SCALE_EXTRA)
                .baseUnit("seconds")
                .description("CPU burnt on request threads by the --cpu-scale knob (0 when it is off)")
                .register(registry);
        for (Fault fault : Fault.values()) {
            // registered up front so every fault shows 0 before its path first runs
            faultPaths.put(fault, Counter.builder(FAULT_PATH)
                    .description("times the faulty code path of a planted bottleneck ran")
                    .tag("fault", fault.cliName())
                    .register(registry));
        }
    }

    public MeterRegistry registry() {
        return registry;
    }

    public Counter dbStatements() {
        return dbStatements;
    }

    public Counter regexCompilations() {
        return regexCompilations;
    }

    /** CPU seconds the {@code --cpu-scale} knob added to requests. */
    public Counter cpuScaleExtraSeconds() {
        return cpuScaleExtraSeconds;
    }

    /** Counts runs of the faulty code path of {@code fault}. */
    public Counter faultPath(Fault fault) {
        return faultPaths.get(fault);
    }

    /** Exposes the size of the leak registry (the leak fault's evidence) as a gauge. */
    public void gaugeLeakRegistrySize(Supplier<Number> size) {
        Gauge.builder(LEAK_REGISTRY_SIZE, size)
                .description("product view listeners currently registered")
                .register(registry);
    }

    /** The Prometheus text exposition of every meter. */
    public String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        gcMetrics.close();
        registry.close();
    }
}
