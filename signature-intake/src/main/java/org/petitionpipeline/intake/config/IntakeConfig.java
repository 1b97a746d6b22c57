package org.petitionpipeline.intake.config;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

@ConfigMapping(prefix = "intake")
public interface IntakeConfig {

    /** How long a request waits for Kafka to acknowledge a signature before answering 503. */
    Duration kafkaAckTimeout();
}
