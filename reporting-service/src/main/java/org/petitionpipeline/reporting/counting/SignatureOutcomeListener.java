package org.petitionpipeline.reporting.counting;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.petitionpipeline.contracts.CountedSignature;
import org.petitionpipeline.contracts.InvalidatedSignature;
import org.petitionpipeline.contracts.RejectedSignature;
import org.petitionpipeline.contracts.VerifiedSignature;
import org.petitionpipeline.kit.kafka.DeadLetterChannel;

/**
 * Counts what dedup decided about each signature, a whole poll batch per database round trip; offsets commit
 * after a batch returns, so a crash replays it, and the counts ignore what they have seen.
 */
@ApplicationScoped
public class SignatureOutcomeListener {

    private final SignatureCounting counting;
    private final TotalsRepository totals;
    private final DeadLetterChannel deadLetters;

    public SignatureOutcomeListener(SignatureCounting counting, TotalsRepository totals, DeadLetterChannel deadLetters) {
        this.counting = counting;
        this.totals = totals;
        this.deadLetters = deadLetters;
    }

    @Incoming("signatures-counted")
    @Blocking
    public void count(ConsumerRecords<String, CountedSignature> records) {
        deadLetters.processTraced(records,
                (batch, spans) -> spans.each("count signature", batch, () -> counting.countAccepted(batch)));
    }

    /** Signatures ops struck out after they were accepted. */
    @Incoming("signatures-invalidated")
    @Blocking
    public void subtract(ConsumerRecords<String, InvalidatedSignature> records) {
        deadLetters.process(records, counting::countInvalidated);
    }

    /** Signatures whose signer confirmed the address (double opt-in). */
    @Incoming("signatures-verified")
    @Blocking
    public void verify(ConsumerRecords<String, VerifiedSignature> records) {
        deadLetters.process(records, counting::countVerified);
    }

    /** Duplicates, invalid and held submissions, for ops. */
    @Incoming("signatures-rejected")
    @Blocking
    public void record(ConsumerRecords<String, RejectedSignature> records) {
        deadLetters.process(records, totals::countRejected);
    }
}
