package io.perfharness.profiling.query;

import io.perfharness.profiling.event.ProfilingEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class RequestCostTest {

    @Test
    void cpuSamplesBecomeCpuMillisecondsPerRequest() {
        // 1,500 samples at 10 ms = 15 s of CPU over 3,000 requests = 5 ms per request
        RequestCost cost = RequestCost.ofSamples(ProfilingEvent.CPU, 10_000_000L, 3_000);

        assertThat(cost.perRequest(1_500)).isCloseTo(5.0, within(1e-12));
        assertThat(cost.unit()).isEqualTo(PerRequestUnit.CPU_MILLIS);
    }

    @Test
    void wallSamplesBecomeWallMillisecondsPerRequest() {
        RequestCost cost = RequestCost.ofSamples(ProfilingEvent.WALL, 20_000_000L, 400);

        assertThat(cost.perRequest(100)).isCloseTo(5.0, within(1e-12));
        assertThat(cost.unit().label()).isEqualTo("wall-ms/req");
    }

    @Test
    void allocBytesAndLockNanosecondsArePerRequestDirectly() {
        assertThat(RequestCost.ofTotals(ProfilingEvent.ALLOC, 1_000).perRequest(52_428_800L)).isEqualTo(52_428.8);
        assertThat(RequestCost.ofTotals(ProfilingEvent.ALLOC, 1).unit()).isEqualTo(PerRequestUnit.BYTES);
        // 2.5 s of lock wait over 500 requests = 5 ms per request
        assertThat(RequestCost.ofTotals(ProfilingEvent.LOCK, 500).perRequest(2_500_000_000L)).isCloseTo(5.0, within(1e-12));
        assertThat(RequestCost.ofTotals(ProfilingEvent.LOCK, 1).unit()).isEqualTo(PerRequestUnit.WAIT_MILLIS);
    }

    @Test
    void theGenericFactoryTakesTheSettingsSampleIntervalForEveryEvent() {
        assertThat(RequestCost.of(ProfilingEvent.CPU, 10_000_000L, 2).perRequest(4)).isCloseTo(20.0, within(1e-12));
        assertThat(RequestCost.of(ProfilingEvent.ALLOC, 0, 2).perRequest(4)).isEqualTo(2.0);
    }

    @Test
    void rejectsInconsistentArgumentsQuotingTheConstraint() {
        assertThatThrownBy(() -> RequestCost.ofSamples(ProfilingEvent.CPU, 10_000_000L, 0))
                .hasMessage("completedRequests must be > 0 but was 0");
        assertThatThrownBy(() -> RequestCost.ofTotals(ProfilingEvent.CPU, 10))
                .hasMessage("sampleIntervalNanos must be > 0 for cpu but was 0");
        assertThatThrownBy(() -> RequestCost.ofSamples(ProfilingEvent.ALLOC, 512, 10))
                .hasMessageStartingWith("sampleIntervalNanos must be 0 for alloc");
    }
}
