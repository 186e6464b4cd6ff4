package io.perfharness.service.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromqlMetricNamesTest {
    @Test
    void findsMetricsAndSkipsFunctionsLabelsGroupingsAndRanges() {
        assertThat(PromqlMetricNames.of("histogram_quantile(0.99, sum by (le, uri) "
                + "(rate(http_server_requests_seconds_bucket{job=\"shop\", status=~\"5..\"}[1m])))"))
                .containsExactly("http_server_requests_seconds_bucket");
        assertThat(PromqlMetricNames.of("shop:http_errors:ratio1m > 0.001"))
                .containsExactly("shop:http_errors:ratio1m");
        assertThat(PromqlMetricNames.of("sum(rate(a_total[5m])) / on (job) group_left sum(b_total offset 1m) > bool 2e3"))
                .containsExactly("a_total", "b_total");
        assertThat(PromqlMetricNames.of("max(hikaricp_connections_pending) > 0"))
                .containsExactly("hikaricp_connections_pending");
    }
}
