package io.perfharness.loadtests.experiment;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * {@code experiment.json}: what an experiment asked for and how each of its runs ended, rewritten
 * after every run so an interrupted experiment still says what it did. Immutable; fields are
 * documented in {@code docs/comparison.md}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ExperimentRecord(
    int schemaVersion,
    String experimentId,
    String kind,
    String status,
    String baselineTarget,
    String candidateTarget,
    int runsPerSide,
    String order,
    Map<String, String> options,
    long startEpochMs,
    Long endEpochMs,
    List<RunEntry> runs,
    List<String> warnings) {

  public static final int SCHEMA_VERSION = 1;

  /**
   * One run of the experiment, in the order it ran; a slot run again after an invalid run has
   * two entries with the same side and number.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record RunEntry(String side, int number, String runId, String path, String status, int exitCode, String message,
                         boolean valid, List<String> invalidReasons) {}
}
