package org.petitionpipeline.contracts.topics;

import java.util.Set;

/**
 * One permission a service's Kafka user holds, in the terms both Kafka's ACLs and Strimzi's {@code KafkaUser} use.
 *
 * @param resource   a topic or a consumer group
 * @param name       the resource's name, or the start of the names when {@code prefixed}
 * @param prefixed   whether {@code name} is a prefix (a consumer group per instance) rather than the whole name
 * @param operations what the service may do on it
 */
public record KafkaGrant(Resource resource, String name, boolean prefixed, Set<Operation> operations) {

    public enum Resource { TOPIC, GROUP }

    /** Named as Kafka's {@code AclOperation} constants are. */
    public enum Operation { READ, WRITE, DESCRIBE }

    public KafkaGrant {
        operations = Set.copyOf(operations);
    }
}
