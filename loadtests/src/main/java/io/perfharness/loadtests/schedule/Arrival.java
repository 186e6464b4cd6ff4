package io.perfharness.loadtests.schedule;

/**
 * One intended arrival of the open-model schedule.
 *
 * @param seq position in the schedule, 0-based
 * @param offsetNanos intended start, relative to the start of injection
 * @param inMeasurementWindow whether the arrival falls in the measurement window (else warm-up)
 */
public record Arrival(long seq, long offsetNanos, boolean inMeasurementWindow, RequestSpec request) {}
