package io.perfharness.loadtests.shape;

/** Parses one line of one access-log format; pure, so tests feed it literal strings. */
public interface AccessLogLineParser {
    /** @throws SkippedLineException when the line is not a record of this format, with the reason */
    AccessLogEntry parseLine(String line) throws SkippedLineException;
}
