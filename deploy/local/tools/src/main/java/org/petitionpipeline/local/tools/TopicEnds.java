package org.petitionpipeline.local.tools;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.petitionpipeline.testsupport.PipelineTopics;

/**
 * How many records a signature topic holds, from its partitions' end offsets: a cheap reading of a stage's
 * progress that costs the broker one request and no consumer. Counts a record published twice (a replay) twice.
 */
public final class TopicEnds implements AutoCloseable {

    private final Map<String, Object> connection;
    private Admin admin;

    /** @param connection the bootstrap servers, and the SASL and TLS settings when the cluster requires them */
    public TopicEnds(Map<String, Object> connection) {
        this.connection = Map.copyOf(connection);
        admin = connect();
    }

    private Admin connect() {
        return Admin.create(connection);
    }

    public long records(String topic) {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (int partition = 0; partition < PipelineTopics.SIGNATURE_PARTITIONS; partition++) {
            latest.put(new TopicPartition(topic, partition), OffsetSpec.latest());
        }
        try {
            return admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).values().stream()
                    .mapToLong(info -> info.offset()).sum();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the end offsets of " + topic, e);
        } catch (Exception e) {
            // after a broker of a cluster died, an admin client can keep asking it; the next reading starts afresh
            admin.close(Duration.ZERO);
            admin = connect();
            throw new IllegalStateException("could not read the end offsets of " + topic + ": " + e, e);
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
