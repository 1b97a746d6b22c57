package org.petitionpipeline.reporting;

import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.petitionpipeline.contracts.Topics;
import org.petitionpipeline.testsupport.KafkaTestResource;
import org.petitionpipeline.testsupport.PipelineTopics;

/**
 * The pipeline's test broker plus {@code signatures.invalidated} and its dead-letter topic, which test-support's
 * PipelineTopics does not create (yet) and the broker does not create by itself. Created before the service
 * starts, so its consumer finds the topic at once.
 */
public class ReportingKafkaTestResource extends KafkaTestResource {

    @Override
    public Map<String, String> start() {
        Map<String, String> config = super.start();
        try (KafkaCompanion kafka = new KafkaCompanion(config.get("kafka.bootstrap.servers"))) {
            Set<String> existing = kafka.topics().list();
            Map<String, Integer> missing = Stream.of(Topics.SIGNATURES_INVALIDATED,
                            Topics.deadLetterOf(Topics.SIGNATURES_INVALIDATED))
                    .filter(topic -> !existing.contains(topic))
                    .collect(Collectors.toMap(topic -> topic, topic -> PipelineTopics.SIGNATURE_PARTITIONS));
            kafka.topics().create(missing);
        }
        return config;
    }
}
