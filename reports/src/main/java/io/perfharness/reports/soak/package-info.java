/**
 * Leak analysis of a soak run: trends of heap after GC, per-class instances and bytes, threads, pool
 * connections and open files against completed requests, with LEAK SUSPECTED / NO LEAK / INCONCLUSIVE
 * verdicts. Pure: the model reads snapshots and never a live target. Thresholds in {@code docs/soak.md}.
 */
package io.perfharness.reports.soak;
