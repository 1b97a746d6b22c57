package org.petitionpipeline.reporting.live;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * One beat for every open stream at once, from one timer: proxies close a connection that has carried nothing for
 * a while (nginx after 60 s), and a petition without signatures sends no events.
 */
@ApplicationScoped
public class Heartbeats {

    private final BroadcastProcessor<Instant> beats = BroadcastProcessor.create();

    public Multi<Instant> stream() {
        return beats;
    }

    @Scheduled(every = "${reporting.live-total.heartbeat-interval}")
    void beat() {
        beats.onNext(Instant.now());
    }
}
