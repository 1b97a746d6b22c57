package org.petitionpipeline.email.privacy;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.petitionpipeline.contracts.ErasureDone;
import org.petitionpipeline.kit.kafka.DeadLetterChannel;

/** Records each service's report that it finished an erasure, for the request's progress. */
@ApplicationScoped
public class ErasureProgressListener {

    private final ErasureRequests requests;
    private final DeadLetterChannel deadLetters;

    public ErasureProgressListener(ErasureRequests requests, DeadLetterChannel deadLetters) {
        this.requests = requests;
        this.deadLetters = deadLetters;
    }

    @Incoming("erasures-done")
    @Blocking
    public void onBatch(ConsumerRecords<String, ErasureDone> records) {
        deadLetters.process(records, done -> done.forEach(
                report -> requests.recordDone(report.erasureId(), report.service(), report.records(), report.doneAt())));
    }
}
