package org.petitionpipeline.contracts.topics;

/**
 * A service that reads a topic, and its consumer group: one group per service shares the partitions among its
 * instances; a group "per instance" ({@code <instance>} in the name) makes every instance read all of it.
 */
public record TopicConsumer(Service service, String group) {
}
