package org.petitionpipeline.kit.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/** A record no consumer can ever process, and why. */
public record Poison(ConsumerRecord<String, ?> record, String reason) {
}
