package org.petitionpipeline.reporting.service;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.petitionpipeline.contracts.ReportReady;

/** Puts delivery reports on {@code reports.ready}, keyed by petition, and waits for the broker to hold them. */
@ApplicationScoped
public class ReportReadyPublisher {

    /* Each report is read in full to digest it before it is announced: a few per round. */
    static final int MAX_BATCH = 10;
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(10);

    private final MutinyEmitter<ReportReady> emitter;

    public ReportReadyPublisher(@Channel("reports-ready") @OnOverflow(value = OnOverflow.Strategy.BUFFER,
            bufferSize = MAX_BATCH) MutinyEmitter<ReportReady> emitter) {
        this.emitter = emitter;
    }

    /** Returns once the broker acknowledged every report; throws when it does not in time. */
    public void publish(List<ReportReady> reports) {
        List<Uni<Void>> acks = reports.stream().map(ReportReadyPublisher::toMessage).map(emitter::sendMessage).toList();
        Uni.join().all(acks).andFailFast().await().atMost(ACK_TIMEOUT);
    }

    private static Message<ReportReady> toMessage(ReportReady report) {
        return Message.of(report).addMetadata(
                OutgoingKafkaRecordMetadata.<String>builder().withKey(report.key()).build());
    }
}
