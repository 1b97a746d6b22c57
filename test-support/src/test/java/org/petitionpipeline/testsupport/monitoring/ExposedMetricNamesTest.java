package org.petitionpipeline.testsupport.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExposedMetricNamesTest {

    private static final String SCRAPE = """
            # HELP dedup_outcomes_total
            # TYPE dedup_outcomes_total counter
            dedup_outcomes_total{outcome="accepted"} 3.0
            dedup_outcomes_total{outcome="held"} 0.0
            # TYPE http_server_requests_seconds summary
            http_server_requests_seconds_count{method="GET",status="200",uri="/q/metrics"} 1.0
            http_server_requests_seconds_sum{method="GET",status="200",uri="/q/metrics"} 0.01
            # TYPE http_server_requests_seconds_max gauge
            http_server_requests_seconds_max{method="GET",status="200",uri="/q/metrics"} 0.01
            process_uptime_seconds 12.5

            # EOF
            """;

    @Test
    void everySampleNameOnceWithItsSuffix() {
        assertThat(ExposedMetricNames.in(SCRAPE)).containsExactly("dedup_outcomes_total",
                "http_server_requests_seconds_count", "http_server_requests_seconds_max",
                "http_server_requests_seconds_sum", "process_uptime_seconds");
    }

    @Test
    void aFamilyNamedOnlyInItsTypeCommentIsNotExposed() {
        assertThat(ExposedMetricNames.in(SCRAPE)).doesNotContain("http_server_requests_seconds");
    }
}
