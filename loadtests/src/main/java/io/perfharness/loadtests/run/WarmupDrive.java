package io.perfharness.loadtests.run;

import io.perfharness.loadtests.schedule.Arrival;
import io.perfharness.loadtests.schedule.WarmupArrivals;

/**
 * Hands the arrivals of an automatic warm-up to a fixed set of looping virtual users (drivers): a
 * free driver takes the next arrival, waits for its intended time and sends it, so arrivals keep to
 * their schedule while fewer requests are in flight than there are drivers. Unlike Gatling's injection
 * steps, fixed before the run, this can end at any moment: after {@link #end()} no arrival is handed
 * out, the drivers finish the ones they hold (at most one each, about {@code drivers / rate} seconds of
 * load) and leave, and the measurement window's own injection starts. Thread-safe.
 */
public final class WarmupDrive {
  /** A start later than this counts as late (the warm-up was not open-model for that arrival). */
  static final long LATE_NANOS = 100_000_000L;

  /** Why no more arrivals are handed out. */
  public enum Stop {
    /** Still handing out arrivals. */
    NONE,
    /** {@link #end()}: the detector decided (or the run is stopping). */
    ENDED,
    /** The schedule reached the cap. */
    CAP,
    /** The warm-up used up the requests {@code perf.maxRequests} left it. */
    REQUEST_BOUND
  }

  private final WarmupArrivals arrivals;
  private final int drivers;
  private final long maxArrivals;
  private long anchorNanos = Long.MIN_VALUE;
  private Stop stop = Stop.NONE;
  private long lateArrivals;
  private long maxLagNanos;

  /**
   * @param drivers how many looping users share the arrivals
   * @param maxArrivals the request bound left for the warm-up (the window's arrivals are counted out)
   */
  public WarmupDrive(WarmupArrivals arrivals, int drivers, long maxArrivals) {
    if (drivers < 1) {
      throw new IllegalArgumentException("a warm-up needs at least 1 driver but was " + drivers);
    }
    this.arrivals = arrivals;
    this.drivers = drivers;
    this.maxArrivals = maxArrivals;
  }

  /** Drivers for a peak rate: enough that arrivals stay on time while requests take up to 2 s. */
  public static int driversFor(double peakRatePerSec) {
    return (int) Math.min(20_000, Math.ceil(2 * peakRatePerSec) + 8);
  }

  public int drivers() {
    return drivers;
  }

  /**
   * The next arrival for a free driver, or null when the warm-up is over for it. The first call
   * anchors the schedule at {@code nowNanos}.
   */
  public synchronized Arrival take(long nowNanos) {
    if (anchorNanos == Long.MIN_VALUE) {
      anchorNanos = nowNanos;
    }
    if (stop != Stop.NONE) {
      return null;
    }
    if (arrivals.count() >= maxArrivals) {
      stop = Stop.REQUEST_BOUND;
      return null;
    }
    Arrival next = arrivals.next();
    if (next == null) {
      stop = Stop.CAP;
      return null;
    }
    return next;
  }

  /** How long a driver waits before sending {@code arrival} (0 when it is due or late). */
  public synchronized long waitNanos(Arrival arrival, long nowNanos) {
    return Math.max(0, anchorNanos + arrival.offsetNanos() - nowNanos);
  }

  /** A driver sends {@code arrival} now: counts how late it is. */
  public synchronized void sending(Arrival arrival, long nowNanos) {
    long lag = nowNanos - anchorNanos - arrival.offsetNanos();
    maxLagNanos = Math.max(maxLagNanos, lag);
    if (lag > LATE_NANOS) {
      lateArrivals++;
    }
  }

  /** Hands out no more arrivals; the drivers finish the ones they hold. Idempotent; a reached cap or bound stays. */
  public synchronized void end() {
    if (stop == Stop.NONE) {
      stop = Stop.ENDED;
    }
  }

  public synchronized Stop stop() {
    return stop;
  }

  /** Monotonic time of the warm-up's zero, or {@link Long#MIN_VALUE} before the first driver started. */
  public synchronized long anchorNanos() {
    return anchorNanos;
  }

  public long maxArrivals() {
    return maxArrivals;
  }

  public synchronized long arrivalsTaken() {
    return arrivals.count();
  }

  public synchronized long lateArrivals() {
    return lateArrivals;
  }

  public synchronized long maxLagNanos() {
    return maxLagNanos;
  }
}
