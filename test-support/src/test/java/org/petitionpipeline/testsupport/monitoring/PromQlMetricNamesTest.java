package org.petitionpipeline.testsupport.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromQlMetricNamesTest {

    @Test
    void aBareNameIsAMetric() {
        assertThat(PromQlMetricNames.in("up")).containsExactly("up");
    }

    @Test
    void labelMatchersAndTheirValuesAreNotMetrics() {
        assertThat(PromQlMetricNames.in("dedup_outcomes_total{outcome=~\"duplicate|invalid\", job!='x{y}'}"))
                .containsExactly("dedup_outcomes_total");
    }

    @Test
    void functionsAggregationsAndTheirLabelListsAreNotMetrics() {
        assertThat(PromQlMetricNames.in(
                "histogram_quantile(0.99, sum by (le, application) (rate(http_server_requests_seconds_bucket[5m])))"))
                .containsExactly("http_server_requests_seconds_bucket");
        assertThat(PromQlMetricNames.in("sum(increase(email_messages_sent_total[1h])) without (instance)"))
                .containsExactly("email_messages_sent_total");
    }

    @Test
    void grafanaVariablesInMatchersAndRangesAreNotMetrics() {
        assertThat(PromQlMetricNames.in("rate(intake_signatures_accepted_total"
                + "{instance=~\"$instance\", job=~\"${service}\"}[$__rate_interval])"))
                .containsExactly("intake_signatures_accepted_total");
    }

    @Test
    void everyOperandOfABinaryExpressionIsAMetric() {
        assertThat(PromQlMetricNames.in("sum(rate(http_server_requests_seconds_sum[5m])) / ignoring(le) "
                + "sum(rate(http_server_requests_seconds_count[5m])) > bool 0.5 and on (instance) up"))
                .containsExactly("http_server_requests_seconds_count", "http_server_requests_seconds_sum", "up");
    }

    @Test
    void keywordsDurationsAndNumbersAreNotMetrics() {
        assertThat(PromQlMetricNames.in("jvm_memory_used_bytes offset 5m / 1e6 > Inf or vector(0)"))
                .containsExactly("jvm_memory_used_bytes");
    }

    @Test
    void aNameWithColonsFromARecordingRuleIsAMetric() {
        assertThat(PromQlMetricNames.in("job:requests:rate5m > 10")).containsExactly("job:requests:rate5m");
    }
}
