package org.petitionpipeline.reporting.live;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.BackPressureFailure;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.jboss.resteasy.reactive.ResponseHeader;
import org.petitionpipeline.reporting.config.ReportingConfig;
import org.petitionpipeline.reporting.petitions.NoSuchPetition;

/**
 * The public total as server-sent events: the total on connect, then each change, at most one per tick, with
 * comment lines in between to keep proxies from closing a quiet stream. No thread is held per listener.
 */
@Path("/api/petitions/{slug}/total/stream")
public class PetitionTotalStreamResource {

    private static final String HEARTBEAT = "heartbeat";

    private final LiveTotals liveTotals;
    private final Heartbeats heartbeats;
    private final int maxBacklog;

    public PetitionTotalStreamResource(LiveTotals liveTotals, Heartbeats heartbeats, ReportingConfig config) {
        this.liveTotals = liveTotals;
        this.heartbeats = heartbeats;
        this.maxBacklog = config.liveTotal().maxBacklog();
    }

    /**
     * Blocking: the first listener of a petition reads its total from the database (a worker thread for that read
     * only; the stream itself runs on the event loop). A listener that stops reading is disconnected once
     * {@code max-backlog} events wait for it, rather than have them pile up in memory.
     */
    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Blocking
    @ResponseHeader(name = "Cache-Control", value = "no-cache")
    // nginx buffers proxied responses unless told not to, which would hold the events back
    @ResponseHeader(name = "X-Accel-Buffering", value = "no")
    public Multi<OutboundSseEvent> stream(@PathParam("slug") String slug, @Context Sse sse) {
        Multi<String> totals = liveTotals.follow(slug).orElseThrow(() -> NoSuchPetition.named(slug));
        return Multi.createBy().merging().streams(
                        totals.map(total -> sse.newEventBuilder().data(total).build()),
                        heartbeats.stream().map(beat -> sse.newEventBuilder().comment(HEARTBEAT).build()))
                .onOverflow().buffer(maxBacklog)
                .onFailure(BackPressureFailure.class).recoverWithCompletion();
    }
}
