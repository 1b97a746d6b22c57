package org.petitionpipeline.reporting.erasure;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.petitionpipeline.contracts.PersonErasure;
import org.petitionpipeline.kit.kafka.DeadLetterChannel;

/**
 * Erasure requests, a poll batch per transaction; offsets commit after the batch returns, so a crash replays it, and
 * erasing again changes nothing. A defective request goes to {@code people.erasures.dlq}.
 */
@ApplicationScoped
public class PersonErasureListener {

    private final PersonErasures erasures;
    private final DeadLetterChannel deadLetters;
    private final Counter erased;

    public PersonErasureListener(PersonErasures erasures, DeadLetterChannel deadLetters, MeterRegistry metrics) {
        this.erasures = erasures;
        this.deadLetters = deadLetters;
        this.erased = Counter.builder("erasures").description("erasure requests carried out (replays included)")
                .register(metrics);
    }

    @Incoming("people-erasures")
    @Blocking
    public void erase(ConsumerRecords<String, PersonErasure> records) {
        deadLetters.process(records, this::eraseCommitted);
    }

    /* Counted and logged once the transaction committed; the log names the person by hash only. */
    private void eraseCommitted(List<PersonErasure> batch) {
        erasures.erase(batch);
        erased.increment(batch.size());
        batch.forEach(erasure -> Log.infof("person erased: erasure=%s person=%s", erasure.erasureId(),
                erasure.emailHash()));
    }
}
