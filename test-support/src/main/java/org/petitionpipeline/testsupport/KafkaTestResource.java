package org.petitionpipeline.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Starts a real Kafka broker for a {@code @QuarkusTest}, creates the pipeline topics, and points the app at it. */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    private static volatile KafkaBroker broker;
    private static volatile int kafkaPort;
    private static volatile int controllerPort;
    private static volatile Path logDir;

    /** Where the running broker listens, for a resource that puts records on it before the app starts. */
    public static String bootstrapServers() {
        return broker.bootstrapServers();
    }

    /** Stops the broker under the running app, for tests of what a service does when Kafka is gone. */
    public static void stopBroker() {
        broker.close();
    }

    /** Starts the stopped broker again on the same port and log, as after a broker restart in production. */
    public static void restartBroker() {
        broker = KafkaBroker.start(kafkaPort, controllerPort, logDir);
    }

    @Override
    public Map<String, String> start() {
        int[] ports = FreePorts.distinct(2);
        kafkaPort = ports[0];
        controllerPort = ports[1];
        try {
            logDir = Files.createTempDirectory("kafka-test-log");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        broker = KafkaBroker.start(kafkaPort, controllerPort, logDir);
        PipelineTopics.create(broker.bootstrapServers());
        return Map.of("kafka.bootstrap.servers", broker.bootstrapServers());
    }

    @Override
    public void stop() {
        if (broker != null) {
            broker.close();
            Directories.deleteRecursively(logDir);
        }
    }
}
