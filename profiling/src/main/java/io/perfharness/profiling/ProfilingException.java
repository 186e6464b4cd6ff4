package io.perfharness.profiling;

/**
 * The checked exception of the profiling module's I/O boundary: reading and writing profile
 * files, running the profiler against a target JVM, converting recordings.
 *
 * <p>Messages say what failed and, where we know it, what to do; failures of the external
 * {@code asprof} tool carry its stderr text verbatim.
 */
public class ProfilingException extends Exception {
    private static final long serialVersionUID = 1L;

    public ProfilingException(String message) {
        super(message);
    }

    public ProfilingException(String message, Throwable cause) {
        super(message, cause);
    }
}
