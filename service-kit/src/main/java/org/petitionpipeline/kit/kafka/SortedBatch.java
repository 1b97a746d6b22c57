package org.petitionpipeline.kit.kafka;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** A poll batch split into the records a consumer can act on and the poison it must set aside. */
record SortedBatch<T>(List<ConsumerRecord<String, T>> records, List<Poison> poison) {

    List<T> events() {
        return records.stream().map(ConsumerRecord::value).toList();
    }
}
