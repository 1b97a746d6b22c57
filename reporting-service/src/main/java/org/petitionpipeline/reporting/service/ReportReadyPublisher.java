package org.petitionpipeline.reporting.service;

import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.petitionpipeline.contracts.ReportReady;
import org.petitionpipeline.kit.kafka.AckedPublisher;

/** Puts delivery reports on {@code reports.ready}, keyed by petition, and waits for the broker to hold them. */
@ApplicationScoped
public class ReportReadyPublisher {

    /* Each report is read in full to digest it before it is announced: a few per round. */
    static final int MAX_BATCH = 10;
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(10);

    private final AckedPublisher<ReportReady> publisher;

    public ReportReadyPublisher(@Channel("reports-ready") @OnOverflow(value = OnOverflow.Strategy.BUFFER,
            bufferSize = MAX_BATCH) MutinyEmitter<ReportReady> emitter) {
        this.publisher = AckedPublisher.keyed(emitter, ReportReady::key, ACK_TIMEOUT);
    }

    /** Returns once the broker acknowledged every report; throws when it does not in time. */
    public void publish(List<ReportReady> reports) {
        publisher.publish(reports);
    }
}
