package org.petitionpipeline.email.receipts;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.ChannelRegistry;
import io.smallrye.reactive.messaging.PausableChannel;
import jakarta.enterprise.context.ApplicationScoped;
import org.petitionpipeline.kit.catalog.CatalogProgress;

/**
 * Holds accepted signatures back until the petition catalog has caught up: before that, a signature of a
 * verified-only petition would look like one of an unknown petition and get a receipt instead of a
 * confirmation request. The channel starts paused; this resumes it once, as soon as the catalog is loaded.
 */
@ApplicationScoped
public class CatalogGate {

    static final String GATED_CHANNEL = "signatures-accepted";

    private final CatalogProgress progress;
    private final ChannelRegistry channels;

    public CatalogGate(CatalogProgress progress, ChannelRegistry channels) {
        this.progress = progress;
        this.channels = channels;
    }

    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void openOnceLoaded() {
        PausableChannel accepted = channels.getPausable(GATED_CHANNEL);
        if (accepted != null && accepted.isPaused() && progress.isLoaded()) {
            accepted.resume();
        }
    }
}
