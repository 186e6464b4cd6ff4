package io.perfharness.profiling.capture;

import io.perfharness.profiling.ProfilingException;
import io.perfharness.profiling.event.ProfilingEvent;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * All problems {@link ProfilerPreflight} found, errors and warnings. Immutable.
 *
 * @param pid      the target checked
 * @param events   the requested events that are known (unknown ones are problems)
 * @param problems every problem found, in check order
 */
public record PreflightReport(long pid, Set<ProfilingEvent> events, List<PreflightProblem> problems) {

    public PreflightReport {
        events = events.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(events));
        problems = List.copyOf(problems);
    }

    public List<PreflightProblem> errors() {
        return problems.stream().filter(p -> p.severity() == PreflightProblem.Severity.ERROR).collect(Collectors.toList());
    }

    public List<PreflightProblem> warnings() {
        return problems.stream().filter(p -> p.severity() == PreflightProblem.Severity.WARNING).collect(Collectors.toList());
    }

    public boolean hasErrors() {
        return !errors().isEmpty();
    }

    /**
     * Throws one exception listing every problem (warnings too, as context) when there is any
     * error; otherwise returns this report so warnings can go into the manifest.
     */
    public PreflightReport throwIfErrors() throws ProfilingException {
        if (hasErrors()) {
            throw new ProfilingException("profiling preflight for pid " + pid + " found " + errors().size()
                    + " error(s):\n  " + problems.stream().map(PreflightProblem::describe)
                    .collect(Collectors.joining("\n  ")));
        }
        return this;
    }
}
