package io.perfharness.service;

import java.util.List;

/** The command line was wrong; the message lists every problem, one per line. Exit code 2. */
public final class UsageException extends Exception {
    private final List<String> problems;

    public UsageException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
