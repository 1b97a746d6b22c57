package org.petitionpipeline.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Starts a real Kafka broker for a {@code @QuarkusTest}, creates the pipeline topics, and points the app at it. */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    private static volatile KafkaBroker broker;

    /** Stops the broker under the running app, for tests of what a service does when Kafka is gone. */
    public static void stopBroker() {
        broker.close();
    }

    @Override
    public Map<String, String> start() {
        broker = KafkaBroker.start();
        PipelineTopics.create(broker.bootstrapServers());
        return Map.of("kafka.bootstrap.servers", broker.bootstrapServers());
    }

    @Override
    public void stop() {
        if (broker != null) {
            broker.close();
        }
    }
}
