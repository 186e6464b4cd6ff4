package io.perfharness.reports.soak;

/**
 * The verdict on one series (heap after GC, a class, threads, connections, open files), its reason in
 * words and the numbers behind it. Immutable.
 *
 * @param series what was judged, e.g. {@code heap after GC} or a class name
 * @param unit of the values: {@code bytes}, {@code instances}, {@code threads}, {@code connections},
 *     {@code files}
 * @param reason one sentence with the deciding numbers, e.g. "too few snapshots (3, need 5)"
 */
public record SeriesVerdict(String series, String unit, LeakVerdict verdict, String reason, SeriesTrend trend) {}
