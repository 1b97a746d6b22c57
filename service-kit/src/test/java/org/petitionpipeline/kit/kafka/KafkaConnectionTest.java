package org.petitionpipeline.kit.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaConnectionTest {

    @Test
    void keepsTheAddressesTheProtocolAndEverySaslAndTlsSettingOnly() {
        Map<String, Object> kafka = Map.of(
                "bootstrap.servers", "broker-1:9093,broker-2:9093",
                "security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required;",
                "ssl.truststore.location", "/etc/kafka/ca.pem",
                "ssl.truststore.type", "PEM",
                "linger.ms", "5",
                "group.id", "reporting-service");

        assertThat(KafkaConnection.of(kafka)).containsOnlyKeys("bootstrap.servers", "security.protocol",
                "sasl.mechanism", "sasl.jaas.config", "ssl.truststore.location", "ssl.truststore.type");
    }
}
