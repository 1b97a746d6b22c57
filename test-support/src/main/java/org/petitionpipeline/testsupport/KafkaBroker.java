package org.petitionpipeline.testsupport;

import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;
import java.nio.file.Path;
import org.apache.kafka.common.Uuid;

/**
 * A real single-node Kafka broker (KRaft, combined broker and controller) inside this JVM. It is the same
 * broker code a cluster runs, so producers and consumers under test meet real acks, partitions and
 * compaction.
 */
public final class KafkaBroker implements AutoCloseable {

    /** Any fixed id works (16 bytes, base64): it only has to match what the first start wrote into the log. */
    private static final String PERSISTENT_CLUSTER_ID = Uuid.fromString("cGV0aXRpb24tcGlwZWxpbg").toString();

    private final EmbeddedKafkaBroker broker;

    private KafkaBroker(EmbeddedKafkaBroker broker) {
        this.broker = broker;
    }

    /** A broker on a free port. */
    public static KafkaBroker start() {
        return start(0, 0, null);
    }

    /**
     * A broker on the given client and controller ports (0 = any free one), keeping its log in
     * {@code logDir} when given, across a close and a start again (a temporary directory otherwise, deleted on
     * close).
     */
    public static KafkaBroker start(int kafkaPort, int controllerPort, Path logDir) {
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker()
                .withKafkaHost("127.0.0.1")
                .withAdditionalProperties(props -> {
                    props.put("auto.create.topics.enable", "false");
                    props.put("group.initial.rebalance.delay.ms", "0");
                    props.put("offsets.topic.num.partitions", "5");
                    if (logDir != null) {
                        props.put("log.dirs", logDir.toString());
                    }
                });
        if (logDir != null) {
            // a restart on the same log must find the same cluster, and the log must outlive close()
            broker.withClusterId(PERSISTENT_CLUSTER_ID).withDeleteLogDirsOnClose(false);
        }
        if (kafkaPort > 0) {
            broker.withKafkaPort(kafkaPort);
        }
        if (controllerPort > 0) {
            broker.withControllerPort(controllerPort);
        }
        return new KafkaBroker(broker.start());
    }

    /** {@code host:port} for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        String listener = broker.getAdvertisedListeners().split(",")[0];
        return listener.substring(listener.indexOf("://") + 3);
    }

    @Override
    public void close() {
        broker.close();
    }
}
