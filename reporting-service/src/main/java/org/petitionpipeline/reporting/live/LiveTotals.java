package org.petitionpipeline.reporting.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.petitionpipeline.kit.Outages;
import org.petitionpipeline.reporting.config.ReportingConfig;
import org.petitionpipeline.reporting.counting.PetitionTotal;
import org.petitionpipeline.reporting.counting.TotalsRepository;

/**
 * Live totals of the petitions someone follows. Once per tick, one query reads the totals of all of them and each
 * changed total goes to its petition's listeners: the database sees one read per tick whatever the number of
 * listeners, and a listener at most one event per tick whatever the rate of signatures. The totals are read
 * rather than pushed by the counting consumer because another instance may be counting this petition.
 */
@ApplicationScoped
public class LiveTotals {

    private final ConcurrentMap<String, LiveTotal> followed = new ConcurrentHashMap<>();
    private final TotalsRepository totals;
    private final ObjectMapper json;
    private final Timer ticks;
    private final AtomicBoolean ticking = new AtomicBoolean();

    public LiveTotals(TotalsRepository totals, ObjectMapper json, MeterRegistry metrics) {
        this.totals = totals;
        this.json = json;
        // a tick longer than the tick interval skips the next one: listeners then get fewer than one event per tick
        this.ticks = Timer.builder("reporting.live.total.tick")
                .description("reading the followed totals and handing the changes to every listener").register(metrics);
        Gauge.builder("reporting.live.total.listeners", this, LiveTotals::listeners)
                .description("open server-sent event streams of petition totals on this instance (each serves its own)")
                .register(metrics);
        Gauge.builder("reporting.live.total.petitions", followed, Map::size)
                .description("petitions with at least one live total listener").register(metrics);
    }

    /**
     * The petition's total as JSON, now and after each change, for as long as the subscriber stays; empty when
     * there is no such petition. Reads the database only when nobody follows the petition yet.
     */
    public Optional<Multi<String>> follow(String slug) {
        LiveTotal live = followed.get(slug);
        Optional<PetitionTotal> current = live != null ? Optional.of(live.latest()) : totals.findTotal(slug);
        return current.map(total -> Multi.createFrom()
                .resource(() -> join(slug, total), LiveTotal::stream)
                .withFinalizer((LiveTotal joined) -> leave(slug)));
    }

    public int listeners() {
        return followed.values().stream().mapToInt(LiveTotal::listeners).sum();
    }

    /*
     * A Vert.x timer, not @Scheduled: the Quarkus scheduler looks at its triggers once a second, so a one-second
     * job drifts past a check now and then and runs a second late (26 ticks in 30 s when measured). The read is
     * blocking, so it runs on a worker; a tick still running when the next is due makes that one skip.
     */
    void startTicking(@Observes StartupEvent started, Vertx vertx, ReportingConfig config) {
        vertx.setPeriodic(config.liveTotal().tick().toMillis(), timer -> {
            if (ticking.compareAndSet(false, true)) {
                vertx.executeBlocking(this::sendChanges, false).onComplete(done -> {
                    ticking.set(false);
                    if (done.failed()) {
                        Log.error("live totals tick failed", done.cause());
                    }
                });
            }
        });
    }

    private Void sendChanges() {
        if (!followed.isEmpty()) {
            ticks.record(this::readAndOfferChanges);
        }
        return null;
    }

    private void readAndOfferChanges() {
        Map<String, PetitionTotal> current;
        try {
            current = totals.findTotals(List.copyOf(followed.keySet()));
        } catch (RuntimeException e) {
            if (!Outages.isDatabaseUnavailable(e)) {
                throw e;
            }
            Log.warnf("live totals keep their last value until the database answers: %s", e.getMessage());
            return;
        }
        followed.forEach((slug, live) -> {
            PetitionTotal total = current.get(slug);
            if (total != null) {
                live.offer(total);
            }
        });
    }

    private LiveTotal join(String slug, PetitionTotal current) {
        return followed.compute(slug, (petition, live) -> (live != null ? live : new LiveTotal(current, this::toJson))
                .joined());
    }

    private void leave(String slug) {
        followed.computeIfPresent(slug, (petition, live) -> {
            if (live.left() > 0) {
                return live;
            }
            live.close();
            return null;
        });
    }

    private String toJson(PetitionTotal total) {
        try {
            return json.writeValueAsString(total);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the total of " + total.slug() + " as JSON", e);
        }
    }
}
