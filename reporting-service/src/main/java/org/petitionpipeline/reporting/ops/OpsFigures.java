package org.petitionpipeline.reporting.ops;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the ops console shows: per-second rates between the last two readings (empty until there are two), the
 * running counts they come from, rejections by reason, lag per consumer group, dead letters per topic, the email
 * backlog (the lag of email-service's group; null while that group is unknown to the broker) and the rates of each
 * earlier reading for the chart. {@code problem} says why the figures are old, when they are.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record OpsFigures(Instant sampledAt, Map<String, Double> rates, Map<String, Long> counts,
        Map<String, Long> rejectedByReason, Map<String, Double> rejectedPerSecond,
        List<ConsumerGroupLag> consumerGroups, Map<String, Long> deadLetters, Long emailBacklog,
        List<RatePoint> history, String problem) {

    /** The stages' rates between one reading and the one before it, at the time of the later. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record RatePoint(long at, Map<String, Double> rates) {
    }
}
