package io.perfharness.loadtests.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.perfharness.loadtests.schedule.Arrival;
import io.perfharness.loadtests.schedule.ArrivalSchedule;
import io.perfharness.loadtests.schedule.SampleShopMix;
import io.perfharness.loadtests.schedule.ShapeCurve;
import io.perfharness.loadtests.schedule.WarmupArrivals;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The automatic warm-up's arrivals and how they are handed to drivers; time is passed in, nothing sleeps. */
class WarmupDriveTest {
  private static WarmupArrivals steady(double rate, Duration cap) {
    return new WarmupArrivals(ShapeCurve.autoWarmup("steady", rate, Duration.ofSeconds(10), cap), 1,
        new SampleShopMix());
  }

  private static List<Arrival> drain(WarmupDrive drive) {
    List<Arrival> out = new ArrayList<>();
    for (Arrival a = drive.take(0); a != null; a = drive.take(0)) {
      out.add(a);
    }
    return out;
  }

  @Test
  void theSameSeedGivesTheSameArrivalsPlacedLikeTheSchedule() {
    List<Arrival> a = drain(new WarmupDrive(steady(50, Duration.ofSeconds(20)), 108, Long.MAX_VALUE));
    List<Arrival> b = drain(new WarmupDrive(steady(50, Duration.ofSeconds(20)), 108, Long.MAX_VALUE));
    assertThat(a).isEqualTo(b);
    assertThat(a).allSatisfy(arrival -> assertThat(arrival.inMeasurementWindow()).isFalse());
    assertThat(a).extracting(Arrival::offsetNanos).isSorted().allSatisfy(o -> assertThat(o).isLessThan(20_000_000_000L));
    // about 50/s for 20 s (Poisson: 1000 +- 3 sigma)
    assertThat(a).hasSizeBetween(1000 - 95, 1000 + 95);
  }

  @Test
  void theWindowScheduleDoesNotDependOnTheWarmUpsLength() {
    // the window is generated on its own, relative to its start: what the warm-up drew cannot shift it
    ArrivalSchedule window = ArrivalSchedule.generate(ShapeCurve.of("steady", 50, Duration.ZERO, Duration.ofSeconds(5)),
        1, new SampleShopMix(), Long.MAX_VALUE);
    drain(new WarmupDrive(steady(50, Duration.ofSeconds(30)), 108, Long.MAX_VALUE));
    ArrivalSchedule again = ArrivalSchedule.generate(ShapeCurve.of("steady", 50, Duration.ZERO, Duration.ofSeconds(5)),
        1, new SampleShopMix(), Long.MAX_VALUE);
    assertThat(again.arrivals()).isEqualTo(window.arrivals());
    assertThat(window.arrivals()).allSatisfy(a -> assertThat(a.inMeasurementWindow()).isTrue());
  }

  @Test
  void afterTheEndNoArrivalIsHandedOut() {
    WarmupDrive drive = new WarmupDrive(steady(50, Duration.ofMinutes(3)), 108, Long.MAX_VALUE);
    for (int i = 0; i < 108; i++) {
      assertThat(drive.take(1_000L + i)).isNotNull(); // every driver holds one
    }
    drive.end();
    assertThat(drive.take(5_000)).isNull();
    assertThat(drive.stop()).isEqualTo(WarmupDrive.Stop.ENDED);
    assertThat(drive.arrivalsTaken()).isEqualTo(108);
    assertThat(drive.anchorNanos()).isEqualTo(1_000L); // the first take anchors the schedule
  }

  @Test
  void theCapAndTheRequestBoundEndTheWarmUpThemselves() {
    WarmupDrive capped = new WarmupDrive(steady(50, Duration.ofSeconds(2)), 8, Long.MAX_VALUE);
    drain(capped);
    assertThat(capped.stop()).isEqualTo(WarmupDrive.Stop.CAP);
    capped.end();
    assertThat(capped.stop()).isEqualTo(WarmupDrive.Stop.CAP); // a reached cap stays the reason

    WarmupDrive bounded = new WarmupDrive(steady(50, Duration.ofSeconds(20)), 8, 30);
    assertThat(drain(bounded)).hasSize(30);
    assertThat(bounded.stop()).isEqualTo(WarmupDrive.Stop.REQUEST_BOUND);
  }

  @Test
  void aDriverWaitsUntilItsArrivalIsDueAndLateStartsAreCounted() {
    WarmupDrive drive = new WarmupDrive(steady(50, Duration.ofSeconds(20)), 8, Long.MAX_VALUE);
    Arrival first = drive.take(1_000_000_000L);
    Arrival second = drive.take(1_000_000_000L);
    assertThat(drive.waitNanos(second, 1_000_000_000L)).isEqualTo(second.offsetNanos());
    assertThat(drive.waitNanos(second, 1_000_000_000L + second.offsetNanos() + 5)).isZero();
    drive.sending(first, 1_000_000_000L + first.offsetNanos() + 50_000_000L); // 50 ms late: on time enough
    drive.sending(second, 1_000_000_000L + second.offsetNanos() + 150_000_000L); // 150 ms late
    assertThat(drive.lateArrivals()).isEqualTo(1);
    assertThat(drive.maxLagNanos()).isEqualTo(150_000_000L);
  }

  @Test
  void driversCoverTwoSecondsOfThePeakRate() {
    assertThat(WarmupDrive.driversFor(50)).isEqualTo(108);
    assertThat(WarmupDrive.driversFor(5)).isEqualTo(18);
    assertThat(WarmupDrive.driversFor(1_000_000)).isEqualTo(20_000);
    assertThat(ShapeCurve.autoWarmup("steps", 100, Duration.ofSeconds(10), Duration.ofMinutes(3)).peakRatePerSec())
        .isEqualTo(20.0); // steps and diurnal warm up at 20%
    assertThat(ShapeCurve.autoWarmup("ramp", 100, Duration.ofSeconds(10), Duration.ofMinutes(3)).ratePerSecAt(0))
        .isEqualTo(10.0); // ramp climbs from 10% over the floor
    assertThat(ShapeCurve.autoWarmup("spike", 100, Duration.ofSeconds(10), Duration.ofMinutes(3)).peakRatePerSec())
        .isEqualTo(100.0); // no spike in the warm-up
  }
}
