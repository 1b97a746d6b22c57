package org.petitionpipeline.kit.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import java.time.Duration;
import java.util.NavigableSet;
import org.junit.jupiter.api.Test;

class HttpLatencyHistogramsTest {

    private final MeterFilter filter = new HttpLatencyHistograms().httpServerRequestHistogram();

    @Test
    void theHttpServerTimerIsAHistogramFromFiveMillisecondsToTenSeconds() {
        DistributionStatisticConfig config = filter.configure(timer(HttpLatencyHistograms.HTTP_SERVER_REQUESTS),
                DistributionStatisticConfig.DEFAULT);

        // as a Prometheus registry asks for them: the buckets it publishes, which add up across instances
        NavigableSet<Double> buckets = config.getHistogramBuckets(true);
        assertThat(buckets).hasSize(11);
        assertThat(buckets.first()).isEqualTo((double) Duration.ofMillis(5).toNanos());
        assertThat(buckets.last()).isEqualTo((double) Duration.ofSeconds(10).toNanos());
    }

    @Test
    void otherTimersKeepTheirOwnConfiguration() {
        DistributionStatisticConfig config = filter.configure(timer("dedup.batch.phase"),
                DistributionStatisticConfig.NONE);

        assertThat(config).isSameAs(DistributionStatisticConfig.NONE);
    }

    private static Meter.Id timer(String name) {
        return new Meter.Id(name, Tags.of("uri", "/api/petitions/{slug}"), null, null, Meter.Type.TIMER);
    }
}
