package org.petitionpipeline.local.tools.faults;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.petitionpipeline.local.launcher.LocalPipeline;
import org.petitionpipeline.contracts.Topics;
import org.petitionpipeline.local.launcher.PipelineService;
import org.petitionpipeline.local.launcher.Topology;

/**
 * Does one {@link Fault} to a running pipeline and returns once the part it hit is back (ready again), noting
 * when each happened.
 */
public final class FaultInjector {

    /**
     * How long the broker and the database stay away: longer than intake's 5 s wait for Kafka, so that signers
     * meet the outage (503) and the services' retries, not only a blip.
     */
    static final Duration OUTAGE = Duration.ofSeconds(8);
    /** How long one broker of a cluster stays away: long enough for every producer and consumer to notice. */
    static final Duration BROKER_AWAY = Duration.ofSeconds(60);
    /** The hot partition: the first petition's signatures (the hot one) land on it as on any other. */
    private static final String HOT_TOPIC = Topics.SIGNATURES_SUBMITTED;

    /** @param injected when the fault began; {@code back} when what it stopped was ready again */
    public record Injected(Fault fault, Instant injected, Instant back, PoisonRecords.Sent poison) {

        double secondsDown() {
            return Duration.between(injected, back).toMillis() / 1000.0;
        }
    }

    private final LocalPipeline pipeline;
    private final String poisonSlug;
    private final List<Injected> injected = new ArrayList<>();

    FaultInjector(LocalPipeline pipeline, String poisonSlug) {
        this.pipeline = pipeline;
        this.poisonSlug = poisonSlug;
    }

    Injected inject(Fault fault) throws InterruptedException {
        Instant begin = Instant.now();
        PoisonRecords.Sent poison = null;
        switch (fault) {
            case KILL_INTAKE, KILL_DEDUP, KILL_EMAIL, KILL_REPORTING -> {
                PipelineService victim = fault.pacedBy().orElseThrow();
                pipeline.crash(victim, 0);
                pipeline.restart(victim);
            }
            case KILL_LEADER_BROKER -> {
                int leader = pipeline.leaderOf(HOT_TOPIC, 0);
                pipeline.killBroker(leader);
                TimeUnit.MILLISECONDS.sleep(OUTAGE.toMillis());
                pipeline.restartBroker(leader);
            }
            case BROKER_AWAY -> {
                // not the leader of the hot partition: that one the kill above takes care of
                int away = (pipeline.leaderOf(HOT_TOPIC, 0) % Topology.CLUSTER_BROKERS) + 1;
                pipeline.stopBroker(away);
                TimeUnit.MILLISECONDS.sleep(BROKER_AWAY.toMillis());
                pipeline.restartBroker(away);
            }
            case ROLLING_RESTART_INTAKE -> pipeline.rollingRestart(PipelineService.INTAKE, message -> { });
            case RESTART_KAFKA -> {
                pipeline.stopKafka();
                TimeUnit.MILLISECONDS.sleep(OUTAGE.toMillis());
                pipeline.startKafka();
            }
            case RESTART_POSTGRES -> {
                if (!pipeline.postgres().isEmbedded()) {
                    throw new IllegalStateException("PostgreSQL comes from QUARKUS_DATASOURCE_JDBC_URL: the fault "
                            + "run cannot restart it; leave restart-postgres out of --faults");
                }
                pipeline.stopPostgres();
                TimeUnit.MILLISECONDS.sleep(OUTAGE.toMillis());
                pipeline.startPostgres();
            }
            case POISON -> poison = PoisonRecords.send(pipeline.kafkaClientConfig(), poisonSlug);
        }
        Injected done = new Injected(fault, begin, Instant.now(), poison);
        injected.add(done);
        return done;
    }

    List<Injected> injected() {
        return List.copyOf(injected);
    }
}
