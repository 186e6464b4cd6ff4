package io.perfharness.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.perfharness.service.faults.Fault;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code --cpu-scale} over real HTTP: two services in this JVM, one without the knob and one at F = 1.5,
 * take the same requests in alternating batches, and the CPU their HTTP threads used per request is read
 * from the JVM's per-thread CPU clocks (not from the knob's own counter). The requests are CPU-heavy
 * searches (the {@code cpu-regex} fault on both sides, about 10 ms of handler CPU each), so Jetty's fixed
 * cost per request outside the handlers (parsing, writing, thread wake-ups: a few tenths of a ms, not
 * scaled) hardly dilutes the ratio.
 */
class CpuScaleKnobTest {
    private static final double FACTOR = 1.5;
    private static final List<String> PATHS = List.of("/api/search?q=oak", "/api/search?q=lamp",
            "/api/search?q=steel%20hammer");
    private static final int WARMUP_REQUESTS = 120;
    private static final int BATCHES = 10;
    private static final int REQUESTS_PER_BATCH = 20;

    private static final CapturedLog SCALED_LOG = new CapturedLog();
    private static ShopService plain;
    private static ShopService scaled;

    @BeforeAll
    static void start() throws ServiceStartException {
        plain = ShopService.start(heavySearches(), new CapturedLog());
        scaled = ShopService.start(heavySearches().withCpuScale(FACTOR), SCALED_LOG);
    }

    /** A fresh in-memory database each (two services cannot share one). */
    private static ShopServiceConfig heavySearches() {
        return ShopServiceConfig.defaults().withLogRequests(false).withFaults(EnumSet.of(Fault.CPU_REGEX));
    }

    @AfterAll
    static void stop() {
        for (ShopService service : new ShopService[] {plain, scaled}) {
            if (service != null) {
                service.close();
            }
        }
    }

    @Test
    void listeningLineShowsTheFactor() {
        assertThat(SCALED_LOG.event("listening").get("cpuScale").asDouble()).isEqualTo(FACTOR);
    }

    @Test
    void eachRequestCostsAboutFTimesTheCpu() {
        ShopClient plainClient = new ShopClient(plain.baseUrl());
        ShopClient scaledClient = new ShopClient(scaled.baseUrl());
        send(plainClient, WARMUP_REQUESTS);
        send(scaledClient, WARMUP_REQUESTS);

        double[] batchRatios = new double[BATCHES];
        long plainCpuNanos = 0;
        long scaledCpuNanos = 0;
        for (int batch = 0; batch < BATCHES; batch++) {
            // alternating, so a drift of the machine or of the JIT falls on both sides alike
            long plainBatchNanos = httpThreadCpuNanos(plainClient);
            long scaledBatchNanos = httpThreadCpuNanos(scaledClient);
            batchRatios[batch] = (double) scaledBatchNanos / plainBatchNanos;
            plainCpuNanos += plainBatchNanos;
            scaledCpuNanos += scaledBatchNanos;
        }
        Arrays.sort(batchRatios);
        // the median of the batch pairs: a busy shared machine inflates some batches' CPU (cache misses)
        double ratio = (batchRatios[BATCHES / 2 - 1] + batchRatios[BATCHES / 2]) / 2;
        System.out.printf(Locale.ROOT, "CpuScaleKnobTest: HTTP thread CPU per request %.3f ms plain, %.3f ms at"
                + " --cpu-scale=%s; median batch ratio %.3f (batches %s)%n",
                plainCpuNanos / 1e6 / (BATCHES * REQUESTS_PER_BATCH),
                scaledCpuNanos / 1e6 / (BATCHES * REQUESTS_PER_BATCH), FACTOR, ratio, Arrays.toString(batchRatios));
        // Jetty's work around the handlers is not scaled, so the ratio sits a little under F
        assertThat(ratio).isBetween(1.3, 1.8);

        assertThat(plainClient.metric("shop_cpu_scale_extra_seconds_total")).isZero();
        assertThat(scaledClient.metric("shop_cpu_scale_extra_seconds_total")).isPositive();
    }

    /** CPU the service's HTTP threads ({@code shop-http-N}) used while serving one batch of requests. */
    private static long httpThreadCpuNanos(ShopClient client) {
        Map<Long, Long> before = httpThreadCpu();
        send(client, REQUESTS_PER_BATCH);
        long usedNanos = 0;
        for (Map.Entry<Long, Long> thread : httpThreadCpu().entrySet()) {
            usedNanos += thread.getValue() - before.getOrDefault(thread.getKey(), 0L);
        }
        return usedNanos;
    }

    /** Thread id to CPU nanoseconds of every live HTTP thread of both services (the idle side adds ~0). */
    private static Map<Long, Long> httpThreadCpu() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<Long, Long> cpu = new HashMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith("shop-http")) {
                long nanos = threads.getThreadCpuTime(info.getThreadId());
                if (nanos >= 0) {
                    cpu.put(info.getThreadId(), nanos);
                }
            }
        }
        return cpu;
    }

    private static void send(ShopClient client, int requests) {
        for (int i = 0; i < requests; i++) {
            ShopClient.Reply reply = client.get(PATHS.get(i % PATHS.size()));
            assertThat(reply.status()).as(PATHS.get(i % PATHS.size())).isEqualTo(200);
        }
    }
}
