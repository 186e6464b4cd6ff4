package io.perfharness.profiling.capture;

/**
 * One thing the preflight found, with what to do about it.
 *
 * @param severity ERROR stops the run; WARNING is reported and the run goes on
 * @param problem  what is wrong, naming the value (pid, event, setting)
 * @param remedy   what to do about it
 */
public record PreflightProblem(Severity severity, String problem, String remedy) {

    /** How bad a problem is. */
    public enum Severity {
        /** The capture cannot work. */
        ERROR,
        /** The capture works but with less than asked for; the manifest should say so. */
        WARNING
    }

    /** {@code ERROR: problem; remedy}. */
    public String describe() {
        return severity + ": " + problem + "; " + remedy;
    }
}
