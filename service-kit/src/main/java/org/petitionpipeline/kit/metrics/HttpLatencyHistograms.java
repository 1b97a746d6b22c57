package org.petitionpipeline.kit.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * Publishes the HTTP server timer of every service as a histogram ({@code http_server_requests_seconds_bucket}), so
 * the dashboard and the alerts can take p50 and p99 across instances with {@code histogram_quantile}: a mean hides
 * the slow tail signers feel, and percentiles computed per instance cannot be added up. Eleven buckets from 5 ms to
 * 10 s, Prometheus' usual spacing over what an answer of these services can take (intake's Kafka wait is bounded at
 * 5 s): Micrometer's own histogram would publish some 60 per URI, method and status.
 */
@Singleton
public class HttpLatencyHistograms {

    static final String HTTP_SERVER_REQUESTS = "http.server.requests";
    static final List<Duration> BUCKETS = Stream.of(5, 10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000)
            .map(Duration::ofMillis).toList();

    @Produces
    @Singleton
    MeterFilter httpServerRequestHistogram() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!id.getName().equals(HTTP_SERVER_REQUESTS)) {
                    return config;
                }
                // a timer's boundaries are in nanoseconds
                return DistributionStatisticConfig.builder()
                        .serviceLevelObjectives(BUCKETS.stream().mapToDouble(Duration::toNanos).toArray())
                        .build()
                        .merge(config);
            }
        };
    }
}
