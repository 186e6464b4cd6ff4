package io.perfharness.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Exit codes and messages of the command line, without starting a service. */
class ShopServiceMainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return ShopServiceMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void unknownFaultExitsWith2AndListsTheKnownFaults() {
        assertThat(run("--fault=warp-drive")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--fault was 'warp-drive'",
                "cpu-regex, alloc-churn, lock-contention, n-plus-one, blocking-io, leak");
        assertThat(out.size()).isZero();
    }

    @Test
    void badPortAndUnknownOptionExitWith2NamingOptionAndValue() {
        assertThat(run("--port=eighty", "--colour=blue")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("error: --port was 'eighty' but it must be an integer between 0 and 65535")
                .contains("error: unknown option '--colour=blue'");
    }

    @Test
    void helpPrintsUsageAndExits0() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--fault=NAME[,NAME]", "--db-url=", "--port=N",
                "{\"event\":\"listening\"");
    }
}
