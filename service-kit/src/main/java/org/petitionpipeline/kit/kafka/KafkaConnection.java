package org.petitionpipeline.kit.kafka;

import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.CommonClientConfigs;

/**
 * How a service reaches and authenticates to the cluster, out of its {@code kafka.*} configuration: the addresses,
 * the security protocol, and every {@code sasl.*} and {@code ssl.*} setting. An admin client a service creates
 * itself starts from these and adds only its own timeouts, so that it connects wherever the service's channels
 * connect, with the same credentials (SCRAM over TLS in a real cluster).
 */
public final class KafkaConnection {

    private KafkaConnection() {
    }

    /** @param kafka the service's {@code kafka.*} configuration (the {@code default-kafka-broker} map) */
    public static Map<String, Object> of(Map<String, Object> kafka) {
        return kafka.entrySet().stream().filter(setting -> isConnectionSetting(setting.getKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static boolean isConnectionSetting(String name) {
        return name.equals(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG)
                || name.equals(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG)
                || name.startsWith("sasl.") || name.startsWith("ssl.");
    }
}
