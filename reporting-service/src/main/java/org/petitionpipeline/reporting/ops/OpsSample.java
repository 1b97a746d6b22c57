package org.petitionpipeline.reporting.ops;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One reading of the pipeline's running counts: records per stage (see {@link OpsStage}) and rejections by reason,
 * both only ever growing, so that two readings give rates; and the lag and dead letters as they stand.
 */
public record OpsSample(Instant at, Map<String, Long> stages, Map<String, Long> rejectedByReason,
        List<ConsumerGroupLag> consumerGroups, Map<String, Long> deadLetters) {
}
