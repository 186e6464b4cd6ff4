package io.perfharness.service.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The knob's arithmetic and its stopping rule, on a CPU clock the test drives. */
class CpuScaleTest {
    /** A CPU clock that advances by a fixed step at every read, as if each chunk cost exactly that. */
    private static final class SteppingClock {
        final AtomicLong nowNanos = new AtomicLong(1_000_000);
        final long stepNanos;
        int reads;

        SteppingClock(long stepNanos) {
            this.stepNanos = stepNanos;
        }

        long read() {
            reads++;
            return nowNanos.getAndAdd(stepNanos);
        }
    }

    @Test
    void extraIsFMinusOneTimesTheCpuUsed() {
        CpuScale scale = new CpuScale(1.3, () -> 0, seconds -> {});
        assertThat(scale.extraCpuNanos(1_000_000)).isEqualTo(300_000);
        assertThat(scale.isOn()).isTrue();
        assertThat(new CpuScale(1.0, () -> 0, seconds -> {}).isOn()).isFalse();
        assertThat(new CpuScale(1.0, () -> 0, seconds -> {}).extraCpuNanos(1_000_000)).isZero();
        assertThat(new CpuScale(10, () -> 0, seconds -> {}).extraCpuNanos(1_000)).isEqualTo(9_000);
    }

    @Test
    void burnsWholeChunksUntilTheClockPassesTheTarget() {
        SteppingClock clock = new SteppingClock(4_000);
        CpuScale scale = new CpuScale(1.5, clock::read, seconds -> {});
        // 10 us asked, 4 us per chunk: 3 chunks, stops at 12 us
        assertThat(scale.burnExtra(10_000)).isEqualTo(12_000);
        assertThat(clock.reads).isEqualTo(1 + 3);
        clock.reads = 0;
        assertThat(scale.burnExtra(0)).isZero();
        assertThat(clock.reads).isEqualTo(1);
    }

    @Test
    void burnsOnTheRealThreadClockAtLeastWhatWasAsked() {
        CpuScale scale = CpuScale.withThreadCpuClock(2.0, seconds -> {});
        long burntNanos = scale.burnExtra(2_000_000);
        assertThat(burntNanos).isGreaterThanOrEqualTo(2_000_000);
    }

    @Test
    void refusesFactorsOutsideOneToTen() {
        for (double factor : new double[] {0.99, 10.01, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> new CpuScale(factor, () -> 0, seconds -> {}))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("cpu scale must be a number from 1.0 to 10.0 but was " + factor);
        }
    }
}
