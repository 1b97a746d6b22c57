package org.petitionpipeline.intake.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "intake")
public interface IntakeConfig {

    /**
     * The longest a request waits for Kafka to acknowledge a signature or call report; the producer's own timeouts
     * are cut from it, so that a 503 comes only once the producer gave the record up.
     */
    Duration kafkaAckTimeout();

    Idempotency idempotency();

    Producer producer();

    /** Batching of the producer that takes signatures and call reports to Kafka. */
    interface Producer {

        /** How long a record may wait for others to share its request to the broker. */
        @WithDefault("5")
        int lingerMs();

        /** Bytes per partition batch. */
        @WithDefault("65536")
        int batchSize();
    }

    interface Idempotency {

        /** How long a repeated Idempotency-Key still gets the first answer back instead of a new signature. */
        @WithDefault("24h")
        Duration retention();

        /** Keys remembered at most (about 200 bytes each); the oldest are forgotten first. */
        @WithDefault("200000")
        int maxKeys();
    }
}
