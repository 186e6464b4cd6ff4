package io.perfharness.service;

import io.perfharness.service.db.DatabaseSettings;
import io.perfharness.service.faults.Fault;
import io.perfharness.service.http.CpuScale;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * How to run one shop service: where to listen, which database, which planted faults, how much extra
 * CPU each request costs.
 *
 * @param port 0 picks a free port
 * @param faults the faults switched on; all others run their fix
 * @param logRequests false drops the per-request JSON line (lifecycle events are always written)
 * @param cpuScale F of {@code --cpu-scale}: each request costs F times its own CPU on the request thread;
 *     {@link CpuScale#OFF} (1.0) is off, at most {@link CpuScale#MAX}
 */
public record ShopServiceConfig(String host, int port, DatabaseSettings database, Set<Fault> faults,
        boolean logRequests, double cpuScale) {
    public static final String DEFAULT_HOST = "127.0.0.1";

    /** Without the CPU knob. */
    public ShopServiceConfig(String host, int port, DatabaseSettings database, Set<Fault> faults,
            boolean logRequests) {
        this(host, port, database, faults, logRequests, CpuScale.OFF);
    }

    public ShopServiceConfig {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 0 and 65535 but was " + port);
        }
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank but was '" + host + "'");
        }
        if (!(cpuScale >= CpuScale.OFF && cpuScale <= CpuScale.MAX)) {
            throw new IllegalArgumentException("cpuScale must be a number from " + CpuScale.OFF + " to "
                    + CpuScale.MAX + " but was " + cpuScale);
        }
        faults = faults.isEmpty() ? Collections.unmodifiableSet(EnumSet.noneOf(Fault.class))
                : Collections.unmodifiableSet(EnumSet.copyOf(faults));
    }

    /** Loopback, a free port, a fresh in-memory H2 database, no faults, request logging on, no CPU scale. */
    public static ShopServiceConfig defaults() {
        return new ShopServiceConfig(DEFAULT_HOST, 0, DatabaseSettings.inMemoryH2(), Set.of(), true);
    }

    public ShopServiceConfig withPort(int newPort) {
        return new ShopServiceConfig(host, newPort, database, faults, logRequests, cpuScale);
    }

    public ShopServiceConfig withDatabase(DatabaseSettings newDatabase) {
        return new ShopServiceConfig(host, port, newDatabase, faults, logRequests, cpuScale);
    }

    public ShopServiceConfig withFaults(Set<Fault> newFaults) {
        return new ShopServiceConfig(host, port, database, newFaults, logRequests, cpuScale);
    }

    public ShopServiceConfig withLogRequests(boolean newLogRequests) {
        return new ShopServiceConfig(host, port, database, faults, newLogRequests, cpuScale);
    }

    public ShopServiceConfig withCpuScale(double newCpuScale) {
        return new ShopServiceConfig(host, port, database, faults, logRequests, newCpuScale);
    }

    public boolean isOn(Fault fault) {
        return faults.contains(fault);
    }
}
