package org.petitionpipeline.email.erasure;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.petitionpipeline.contracts.PersonErasure;
import org.petitionpipeline.kit.kafka.DeadLetterChannel;

/**
 * Erases the people of each batch of {@code people.erasures}, one transaction each; a defective request goes to
 * the dead-letter topic. A batch that fails is consumed again: the erasures it had done already are recognized.
 */
@ApplicationScoped
public class ErasureListener {

    private final PersonEraser eraser;
    private final DeadLetterChannel deadLetters;

    public ErasureListener(PersonEraser eraser, DeadLetterChannel deadLetters) {
        this.eraser = eraser;
        this.deadLetters = deadLetters;
    }

    @Incoming("people-erasures")
    @Blocking
    public void onBatch(ConsumerRecords<String, PersonErasure> records) {
        deadLetters.process(records, erasures -> erasures.forEach(eraser::erase));
    }
}
