package io.perfharness.profiling.app;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How a JVM was launched, as its own system properties say: what the application rule is inferred
 * from. Immutable.
 *
 * @param javaCommand {@code sun.java.command}: the main class or jar (or {@code module/class}) and the
 *     program arguments; null if the JVM did not say
 * @param classPath {@code java.class.path} split into entries; empty if unknown
 * @param userDir {@code user.dir}, against which relative paths resolve; null if unknown
 */
public record JvmLaunchFacts(String javaCommand, List<String> classPath, String userDir) {
    public JvmLaunchFacts {
        classPath = List.copyOf(classPath);
    }

    /** The facts in a JVM's system properties (as the attach API or a RuntimeMXBean returns them). */
    public static JvmLaunchFacts fromSystemProperties(Map<?, ?> properties) {
        Object command = properties.get("sun.java.command");
        Object classPath = properties.get("java.class.path");
        Object userDir = properties.get("user.dir");
        Object separator = properties.get("path.separator");
        List<String> entries = new ArrayList<>();
        if (classPath != null && !classPath.toString().isBlank()) {
            String sep = separator == null ? File.pathSeparator : separator.toString();
            for (String e : classPath.toString().split(java.util.regex.Pattern.quote(sep))) {
                if (!e.isBlank()) {
                    entries.add(e);
                }
            }
        }
        return new JvmLaunchFacts(command == null ? null : command.toString(), entries,
                userDir == null ? null : userDir.toString());
    }
}
