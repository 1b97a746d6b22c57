package org.petitionpipeline.reporting.listener;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.petitionpipeline.contracts.AcceptedSignature;
import org.petitionpipeline.contracts.kafka.DeadLetters;
import org.petitionpipeline.reporting.repository.TotalsRepository;

/**
 * Counts accepted signatures, a whole poll batch per database round trip; offsets commit after it returns.
 */
@ApplicationScoped
public class AcceptedSignatureListener {

    private final TotalsRepository totals;
    private final DeadLetters deadLetters;

    public AcceptedSignatureListener(TotalsRepository totals, DeadLetters deadLetters) {
        this.totals = totals;
        this.deadLetters = deadLetters;
    }

    @Incoming("signatures-accepted")
    @Blocking
    public void count(ConsumerRecords<String, AcceptedSignature> records) {
        deadLetters.process(records, totals::countAccepted);
    }
}
