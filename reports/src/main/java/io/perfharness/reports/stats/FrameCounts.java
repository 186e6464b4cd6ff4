package io.perfharness.reports.stats;

import java.util.Arrays;
import java.util.Objects;

/**
 * One frame's count in every run of both sides of a comparison, in the event's own count unit
 * (cpu and wall: samples; alloc: bytes; lock: nanoseconds), runs in the same order as the
 * per-run factors given to {@link ModeratedFrameTest#test}, zeros where the frame is absent.
 * Immutable (the arrays are copied in and out).
 *
 * @param baselineCounts the frame's count in each baseline run
 * @param candidateCounts the frame's count in each candidate run
 */
public record FrameCounts(long[] baselineCounts, long[] candidateCounts) {
  public FrameCounts {
    baselineCounts = Objects.requireNonNull(baselineCounts, "baselineCounts").clone();
    candidateCounts = Objects.requireNonNull(candidateCounts, "candidateCounts").clone();
  }

  @Override
  public long[] baselineCounts() {
    return baselineCounts.clone();
  }

  @Override
  public long[] candidateCounts() {
    return candidateCounts.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FrameCounts other && Arrays.equals(other.baselineCounts, baselineCounts)
        && Arrays.equals(other.candidateCounts, candidateCounts);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(baselineCounts) + Arrays.hashCode(candidateCounts);
  }

  @Override
  public String toString() {
    return "FrameCounts[baselineCounts=" + Arrays.toString(baselineCounts) + ", candidateCounts="
        + Arrays.toString(candidateCounts) + "]";
  }

  /** Package-private access without the defensive copy, for the test's inner loops. */
  long[] baselineView() {
    return baselineCounts;
  }

  long[] candidateView() {
    return candidateCounts;
  }
}
