package io.perfharness.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.perfharness.service.faults.Fault;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class ShopServiceOptionsTest {
    @Test
    void defaultsToLoopback8080InMemoryH2NoFaults() throws UsageException {
        ShopServiceOptions options = ShopServiceOptions.parse();
        assertThat(options.help()).isFalse();
        assertThat(options.config().host()).isEqualTo("127.0.0.1");
        assertThat(options.config().port()).isEqualTo(8080);
        assertThat(options.config().faults()).isEmpty();
        assertThat(options.config().logRequests()).isTrue();
        assertThat(options.config().cpuScale()).isEqualTo(1.0);
        assertThat(options.config().database().isH2InMemory()).isTrue();
        assertThat(options.config().database().url()).contains("MODE=PostgreSQL");
    }

    @Test
    void parsesEveryOption() throws UsageException {
        ShopServiceConfig config = ShopServiceOptions.parse("--port=0", "--host=0.0.0.0",
                "--db-url=jdbc:postgresql://db:5432/shop", "--db-user=shop", "--db-password=secret",
                "--db-pool-size=4", "--fault=leak,CPU-REGEX", "--fault=n-plus-one", "--quiet-requests").config();
        assertThat(config.port()).isZero();
        assertThat(config.host()).isEqualTo("0.0.0.0");
        assertThat(config.database().isPostgres()).isTrue();
        assertThat(config.database().user()).isEqualTo("shop");
        assertThat(config.database().password()).isEqualTo("secret");
        assertThat(config.database().poolSize()).isEqualTo(4);
        assertThat(config.database().describe()).isEqualTo("jdbc:postgresql://db:5432/shop");
        assertThat(config.faults()).containsExactly(Fault.CPU_REGEX, Fault.N_PLUS_ONE, Fault.LEAK);
        assertThat(config.logRequests()).isFalse();
        assertThat(ShopServiceOptions.parse("--log-requests=false").config().logRequests()).isFalse();
        assertThat(ShopServiceOptions.parse("--help").help()).isTrue();
    }

    @Test
    void parsesTheCpuScaleFromOneToTen() throws UsageException {
        assertThat(ShopServiceOptions.parse("--cpu-scale=1.3").config().cpuScale()).isEqualTo(1.3);
        assertThat(ShopServiceOptions.parse("--cpu-scale=1").config().cpuScale()).isEqualTo(1.0);
        assertThat(ShopServiceOptions.parse("--cpu-scale=10.0").config().cpuScale()).isEqualTo(10.0);
        assertThat(ShopServiceOptions.parse("--cpu-scale= 1.05 ").config().cpuScale()).isEqualTo(1.05);
    }

    @Test
    void refusesACpuScaleThatIsNotANumberFromOneToTen() {
        String constraint = "' but it must be a number from 1.0 (off) to 10, e.g. --cpu-scale=1.3";
        for (String value : new String[] {"0.9", "10.5", "fast", "-1.2", "1e1", "NaN", "Infinity", "1.3d", "0x1p0"}) {
            assertThatThrownBy(() -> ShopServiceOptions.parse("--cpu-scale=" + value))
                    .isInstanceOfSatisfying(UsageException.class, e -> assertThat(e.problems())
                            .containsExactly("--cpu-scale was '" + value + constraint));
        }
        assertThatThrownBy(() -> ShopServiceOptions.parse("--cpu-scale", "--cpu-scale="))
                .isInstanceOfSatisfying(UsageException.class, e -> assertThat(e.problems()).containsExactly(
                        "--cpu-scale needs a value (a number from 1.0 (off) to 10, e.g. --cpu-scale=1.3)",
                        "--cpu-scale needs a value (a number from 1.0 (off) to 10, e.g. --cpu-scale=1.3)"));
        assertThat(ShopServiceOptions.USAGE).contains("--cpu-scale=F", "CpuScale.burnExtra", "\"cpuScale\":F");
    }

    @Test
    void unknownFaultNamesTheValueAndEveryKnownFault() {
        assertThatThrownBy(() -> ShopServiceOptions.parse("--fault=cpu-regex,slow-disk"))
                .isInstanceOf(UsageException.class)
                .hasMessage("--fault was 'slow-disk' but it must be one of: cpu-regex, alloc-churn, "
                        + "lock-contention, n-plus-one, blocking-io, leak, thread-leak, connection-leak");
    }

    @Test
    void reportsEveryBadOptionAtOnce() {
        assertThatThrownBy(() -> ShopServiceOptions.parse("--port=http", "--verbose", "--db-pool-size=0",
                "--log-requests=maybe", "--db-url=postgres://x", "--db-user=u"))
                .isInstanceOfSatisfying(UsageException.class, e -> assertThat(e.problems()).containsExactly(
                        "--port was 'http' but it must be an integer between 0 and 65535",
                        "unknown option '--verbose'; run with --help for the options",
                        "--db-pool-size was '0' but it must be an integer between 1 and 1000",
                        "--log-requests was 'maybe' but it must be true or false",
                        "--db-url was 'postgres://x' but it must be a JDBC URL starting with 'jdbc:'",
                        "--db-user and --db-password need --db-url"));
        assertThatThrownBy(() -> ShopServiceOptions.parse("--port=70000")).hasMessageContaining("'70000'");
        assertThatThrownBy(() -> ShopServiceOptions.parse("--port")).hasMessageContaining("--port needs a value");
    }

    @Test
    void configValidatesItsValues() {
        ShopServiceConfig defaults = ShopServiceConfig.defaults();
        assertThatThrownBy(() -> defaults.withPort(-1)).hasMessage("port must be between 0 and 65535 but was -1");
        assertThat(defaults.withFaults(EnumSet.of(Fault.LEAK)).isOn(Fault.LEAK)).isTrue();
        assertThat(defaults.isOn(Fault.LEAK)).isFalse();
        assertThat(defaults.withCpuScale(2.5).cpuScale()).isEqualTo(2.5);
        assertThat(defaults.withCpuScale(2.5).withPort(9).withFaults(EnumSet.of(Fault.LEAK)).withLogRequests(false)
                .withDatabase(defaults.database()).cpuScale()).isEqualTo(2.5);
        assertThatThrownBy(() -> defaults.withCpuScale(0.5))
                .hasMessage("cpuScale must be a number from 1.0 to 10.0 but was 0.5");
    }
}
