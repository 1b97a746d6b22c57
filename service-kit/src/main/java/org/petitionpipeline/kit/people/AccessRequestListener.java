package org.petitionpipeline.kit.people;

import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.petitionpipeline.contracts.AccessRequested;
import org.petitionpipeline.kit.KitFeatures;
import org.petitionpipeline.kit.kafka.DeadLetterChannel;

/**
 * Access requests (channel {@value #CHANNEL}), a poll batch at a time: recorded in the service's
 * {@link AccessRequestOutbox} to be answered by {@link AccessReportRelay}; offsets are committed once the batch is
 * recorded. A defective request goes to {@code people.access-requests.dlq}.
 */
@IfBuildProperty(name = KitFeatures.ACCESS, stringValue = KitFeatures.ON)
@ApplicationScoped
public class AccessRequestListener {

    public static final String CHANNEL = "access-requests";

    private final AccessRequestOutbox requests;
    private final DeadLetterChannel deadLetters;

    public AccessRequestListener(AccessRequestOutbox requests, DeadLetterChannel deadLetters) {
        this.requests = requests;
        this.deadLetters = deadLetters;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void onBatch(ConsumerRecords<String, AccessRequested> records) {
        deadLetters.process(records, requests::recordAll);
    }
}
