package io.perfharness.loadtests.shape;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates {@code shared/realdata} (real inputs written by other systems) above the working
 * directory, or as a sibling {@code shared/} folder (clean clones link /tmp/shared there).
 */
final class RealData {
    private RealData() {
    }

    static Path accessLogs() {
        return root().resolve("access-logs");
    }

    static Path elastic() {
        return accessLogs().resolve("elastic-examples_apache_logs.log");
    }

    static Path nasa() {
        return accessLogs().resolve("nasa-http_Aug95_head.log");
    }

    static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path copy = dir.resolve("testdata/realdata"); // the repository's own copy (testdata/README.md)
            if (Files.isDirectory(copy)) {
                return copy;
            }
            Path candidate = dir.resolve("shared/realdata");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
            Path sibling = dir.resolveSibling("shared").resolve("realdata");
            if (Files.isDirectory(sibling)) {
                return sibling;
            }
        }
        throw new IllegalStateException("shared/realdata not found above " + Path.of("").toAbsolutePath()
                + "; these tests read the real access logs there");
    }
}
