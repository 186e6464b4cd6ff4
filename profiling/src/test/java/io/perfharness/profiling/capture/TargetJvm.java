package io.perfharness.profiling.capture;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Starts {@link ProfiledTarget} in a child JVM from the test classes and waits until it is ready. */
final class TargetJvm implements AutoCloseable {
    private final Process process;

    private TargetJvm(Process process) {
        this.process = process;
    }

    static TargetJvm start() throws Exception {
        Path testClasses = Path.of(ProfiledTarget.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-Xmx64m", "-XX:+UseSerialGC",
                "-cp", testClasses.toString(), ProfiledTarget.class.getName())
                .redirectErrorStream(true).start();
        TargetJvm target = new TargetJvm(process);
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String first = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (IOException e) {
                return "failed to read: " + e;
            }
        }).get(30, TimeUnit.SECONDS);
        if (!"ready".equals(first)) {
            target.close();
            throw new IllegalStateException("target JVM did not become ready, printed: " + first);
        }
        // Keep draining so the child never blocks on a full pipe.
        Thread drainer = new Thread(() -> out.lines().forEach(line -> { }), "target-drain");
        drainer.setDaemon(true);
        drainer.start();
        return target;
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }
}
