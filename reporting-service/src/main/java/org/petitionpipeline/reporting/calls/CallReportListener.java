package org.petitionpipeline.reporting.calls;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.petitionpipeline.contracts.CallReported;
import org.petitionpipeline.kit.kafka.DeadLetterChannel;

/** Counts the calls signers report, a poll batch per transaction; replays count nothing (see the repository). */
@ApplicationScoped
public class CallReportListener {

    private final CallReports calls;
    private final DeadLetterChannel deadLetters;

    public CallReportListener(CallReports calls, DeadLetterChannel deadLetters) {
        this.calls = calls;
        this.deadLetters = deadLetters;
    }

    @Incoming("calls-reported")
    @Blocking
    public void count(ConsumerRecords<String, CallReported> records) {
        deadLetters.process(records, calls::count);
    }
}
