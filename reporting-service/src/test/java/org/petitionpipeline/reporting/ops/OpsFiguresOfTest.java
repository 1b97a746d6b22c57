package org.petitionpipeline.reporting.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpsFiguresOfTest {

    private static final Instant T0 = Instant.parse("2026-11-23T06:00:00Z");

    private static OpsSample sample(Instant at, long submitted, long accepted, long duplicates, long emailLag) {
        return new OpsSample(at, Map.of("submitted", submitted, "accepted", accepted),
                Map.of("DUPLICATE", duplicates), List.of(new ConsumerGroupLag("email-service", "Stable", emailLag),
                new ConsumerGroupLag("dedup-service", "Stable", 3)), Map.of("signatures.submitted.dlq", 1L));
    }

    @Test
    void ratesAreTheGrowthBetweenTheLastTwoReadingsPerSecond() {
        OpsFigures figures = OpsMonitor.figuresOf(List.of(
                sample(T0, 100, 80, 10, 0),
                sample(T0.plusSeconds(2), 300, 230, 30, 40),
                sample(T0.plusMillis(2500), 350, 280, 35, 12)), "email-service", null);

        assertThat(figures.rates()).containsEntry("submitted", 100.0).containsEntry("accepted", 100.0);
        assertThat(figures.rejectedPerSecond()).containsEntry("DUPLICATE", 10.0);
        assertThat(figures.history()).extracting(point -> point.rates().get("submitted")).containsExactly(100.0, 100.0);
        assertThat(figures.history()).extracting(OpsFigures.RatePoint::at)
                .containsExactly(T0.plusSeconds(2).toEpochMilli(), T0.plusMillis(2500).toEpochMilli());
        assertThat(figures.counts()).containsEntry("submitted", 350L);
        assertThat(figures.emailBacklog()).isEqualTo(12L);
        assertThat(figures.deadLetters()).containsEntry("signatures.submitted.dlq", 1L);
        assertThat(figures.sampledAt()).isEqualTo(T0.plusMillis(2500));
    }

    @Test
    void oneReadingHasCountsButNoRatesAndAnUnknownEmailGroupNoBacklog() {
        OpsFigures figures = OpsMonitor.figuresOf(List.of(sample(T0, 5, 4, 1, 0)), "another-group", null);
        assertThat(figures.rates()).isEmpty();
        assertThat(figures.history()).isEmpty();
        assertThat(figures.counts()).containsEntry("accepted", 4L);
        assertThat(figures.emailBacklog()).isNull();
        assertThat(OpsMonitor.figuresOf(List.of(), "email-service", "Kafka did not answer").problem())
                .isEqualTo("Kafka did not answer");
    }

    @Test
    void aCountThatWentDownOrIsNewReadsZeroNeverNegative() {
        assertThat(OpsRates.perSecond(Map.of("a", 10L), Map.of("a", 4L, "b", 7L), Duration.ofSeconds(1)))
                .containsEntry("a", 0.0).containsEntry("b", 0.0);
        assertThat(OpsRates.perSecond(Map.of("a", 10L), Map.of("a", 20L), Duration.ZERO)).containsEntry("a", 0.0);
    }
}
