package io.perfharness.profiling.capture;

/** What one run of {@code asprof} printed and returned. */
record AsprofResult(int exitCode, String stdout, String stderr) {

    boolean succeeded() {
        return exitCode == 0;
    }

    /** stderr, or stdout when stderr is empty (asprof reports some failures on stdout). */
    String diagnostics() {
        String err = stderr.strip();
        return err.isEmpty() ? stdout.strip() : err;
    }
}
