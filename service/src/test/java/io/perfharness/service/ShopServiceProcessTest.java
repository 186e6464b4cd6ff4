package io.perfharness.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The real command line in a child JVM, started the way a harness starts it: from target/classes
 * and target/runtime-classpath.txt. One start for the whole contract: listening line, health,
 * SIGTERM, stopped line. Timeouts here are safety nets, not assertions on time.
 */
class ShopServiceProcessTest {
    private static final long STARTUP_TIMEOUT_SECONDS = 180;

    @Test
    void startsPrintsTheListeningLineServesAndStopsGracefullyOnSigterm() throws Exception {
        Process process = javaProcess("--port=0", "--fault=leak,n-plus-one", "--quiet-requests").start();
        try (BufferedReader stdout = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            List<String> lines = new ArrayList<>();
            JsonNode listening = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STARTUP_TIMEOUT_SECONDS);
            while (listening == null && System.nanoTime() < deadline) {
                String line = stdout.readLine();
                assertThat(line).as("stdout ended before the listening line: " + lines).isNotNull();
                lines.add(line);
                JsonNode json = ShopClient.JSON.readTree(line);
                if ("listening".equals(json.path("event").asText())) {
                    listening = json;
                }
            }
            assertThat(listening).as("listening line within the start-up timeout").isNotNull();
            assertThat(listening.get("pid").asLong()).isEqualTo(process.pid());
            assertThat(listening.get("faults").toString()).isEqualTo("[\"n-plus-one\",\"leak\"]");
            String url = listening.get("url").asText();
            assertThat(url).isEqualTo("http://127.0.0.1:" + listening.get("port").asInt());

            ShopClient client = new ShopClient(url);
            assertThat(client.get("/health").status()).isEqualTo(200);
            assertThat(client.get("/api/products/1").status()).isEqualTo(200);
            assertThat(client.metric("shop_leak_registry_size")).isEqualTo(1);

            // SIGTERM; unlike Process.destroy() this leaves stdout open for the stopped line
            process.toHandle().destroy();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String line;
            while ((line = stdout.readLine()) != null) {
                lines.add(line);
            }
            assertThat(lines).anyMatch(l -> l.contains("\"event\":\"stopped\""));
            for (String each : lines) {
                assertThat(ShopClient.JSON.readTree(each).isObject()).as(each).isTrue();
            }
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void unknownFaultExitsWith2BeforeStarting() throws Exception {
        Process process = javaProcess("--fault=slow-disk").redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(output).contains("--fault was 'slow-disk'", "cpu-regex, alloc-churn, lock-contention");
    }

    private static ProcessBuilder javaProcess(String... args) throws IOException {
        Path basedir = Path.of(System.getProperty("basedir", "."));
        String dependencies = Files.readString(basedir.resolve("target/runtime-classpath.txt")).strip();
        String classpath = basedir.resolve("target/classes") + File.pathSeparator + dependencies;
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", classpath, "io.perfharness.service.ShopServiceMain"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
    }
}
