package io.perfharness.loadtests.soak;

import static org.assertj.core.api.Assertions.assertThat;

import io.perfharness.loadtests.metrics.PrometheusTextParser;
import org.junit.jupiter.api.Test;

/** The soak series come from Micrometer's /metrics text, braces in label values included. */
class SoakMetricsTest {
  @Test
  void readsThreadsPoolAndFilesFromRealMicrometerLines() {
    String text = """
        # HELP http_server_requests_seconds
        # TYPE http_server_requests_seconds summary
        http_server_requests_seconds_count{method="GET",outcome="SUCCESS",status="200",uri="/api/products/{id}"} 1234.0
        http_server_requests_seconds_sum{method="GET",outcome="SUCCESS",status="200",uri="/api/orders/{orderId}/receipt"} 5.5
        jvm_threads_live_threads 41.0
        hikaricp_connections_active{pool="shop"} 3.0
        hikaricp_connections_idle{pool="shop"} 7.0
        process_files_open_files 118.0
        """;
    assertThat(PrometheusTextParser.parse(text).get(0).labels()).containsEntry("uri", "/api/products/{id}");
    assertThat(SoakMetrics.of(PrometheusTextParser.parse(text))).isEqualTo(new SoakMetrics(41L, 3L, 118L));
  }

  @Test
  void aMetricTheTargetDoesNotExposeIsNullNotZero() {
    assertThat(SoakMetrics.of(PrometheusTextParser.parse("jvm_threads_live_threads 12\n")))
        .isEqualTo(new SoakMetrics(12L, null, null));
  }

  @Test
  void theLeastOfSeveralScrapesIsTheFloorUnderRequestsInFlight() {
    assertThat(new SoakMetrics(40L, 8L, null).leastOf(new SoakMetrics(42L, 5L, 120L)))
        .isEqualTo(new SoakMetrics(40L, 5L, 120L));
  }
}
