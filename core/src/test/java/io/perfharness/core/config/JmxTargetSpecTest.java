package io.perfharness.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code jmx:HOST:PORT,url:BASE_URL} target: a JVM somebody else started, profiled over JMX. */
class JmxTargetSpecTest {
  @Test
  void parsesTheJmxEndpointAndTheHttpSide() {
    TargetSpec.Url target = (TargetSpec.Url) TargetSpec.parse("jmx:127.0.0.1:9010,url:http://127.0.0.1:8080/");
    assertThat(target.spec()).isEqualTo("jmx:127.0.0.1:9010,url:http://127.0.0.1:8080/");
    assertThat(target.baseUrl()).isEqualTo(URI.create("http://127.0.0.1:8080"));
    assertThat(target.jmx()).isEqualTo(new TargetSpec.JmxEndpoint("127.0.0.1", 9010));
    assertThat(target.jmx()).hasToString("127.0.0.1:9010");
    assertThat(((TargetSpec.Url) TargetSpec.parse("jmx:[::1]:9010,url:http://[::1]:8080")).jmx().host()).isEqualTo("::1");
    assertThat(((TargetSpec.Url) TargetSpec.parse("url:http://127.0.0.1:8080")).jmx()).isNull();
  }

  @Test
  void rejectsAJmxTargetWithoutUrlOrPort() {
    assertThatThrownBy(() -> TargetSpec.parse("jmx:127.0.0.1:9010"))
        .hasMessageContaining("jmx:HOST:PORT,url:BASE_URL");
    assertThatThrownBy(() -> TargetSpec.parse("jmx:127.0.0.1,url:http://127.0.0.1:8080"))
        .hasMessageContaining("'127.0.0.1' must be HOST:PORT");
    assertThatThrownBy(() -> TargetSpec.parse("jmx:localhost:x,url:http://127.0.0.1:8080"))
        .hasMessageContaining("must end in a port number");
    assertThatThrownBy(() -> TargetSpec.parse("jmx:127.0.0.1:70000,url:http://127.0.0.1:8080"))
        .hasMessageContaining("1..65535 but was 70000");
    assertThatThrownBy(() -> TargetSpec.parse("jmx:127.0.0.1:9010,url:ftp://x"))
        .hasMessageContaining("must be an http(s) URL");
  }

  @Test
  void aJmxTargetIsProfiledWithoutAPid(@org.junit.jupiter.api.io.TempDir Path home) throws ConfigException {
    RunConfig config = RunConfigParser.parse(Map.of("target", "jmx:127.0.0.1:9010,url:http://127.0.0.1:8080",
        "events", "cpu"), home);
    assertThat(config.pid()).isEmpty();
    assertThat(config.profiling()).isTrue();
    assertThatThrownBy(() -> RunConfigParser.parse(Map.of("target", "url:http://127.0.0.1:8080", "events", "cpu"), home))
        .hasMessageContaining("can only be profiled with -Dperf.pid");
  }
}
