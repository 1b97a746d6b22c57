package org.petitionpipeline.local.tools.load;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.petitionpipeline.local.launcher.LocalPipeline;
import org.petitionpipeline.local.launcher.PipelineService;
import org.petitionpipeline.local.tools.load.OutcomeAudit.Findings;
import org.petitionpipeline.local.tools.load.SignatureLoad.Receipt;
import org.petitionpipeline.local.tools.load.SyntheticSigners.Mix;
import org.petitionpipeline.testsupport.PostgresServer;

/**
 * Realistic traffic through a running pipeline, then the reckoning: what intake answered, how fast dedup and
 * reporting followed, how long a signature took from its 202 to the public total, and whether anything was lost
 * or counted twice. {@code ./run-local.sh load} and the CI smoke test share it.
 */
public final class LoadRun implements AutoCloseable {

    /**
     * @param progress       dedup's and reporting's counts, each second from just before the load until it settled
     * @param settled        whether reporting held an outcome for every 202 within the time allowed
     * @param settleSeconds  from the last answer until then
     * @param cpu            CPU time each process used while the load ran
     * @param statements     what PostgreSQL ran from the start of the load until it settled, where it can tell
     */
    public record Measured(SignatureLoad.Result intake, List<PipelineProgress.Sample> progress, boolean settled,
            double settleSeconds, EndToEndLatency endToEnd, Findings audit, Map<String, Duration> cpu,
            Optional<StatementCounts> statements) {
    }

    private final LocalPipeline pipeline;
    private final LoadOptions options;
    private final Consumer<String> log;
    private final List<String> slugs;
    private final SignatureLoad load;
    private final List<Receipt> receipts = new ArrayList<>();

    public LoadRun(LocalPipeline pipeline, LoadOptions options, Consumer<String> log) {
        this.pipeline = pipeline;
        this.options = options;
        this.log = log;
        this.slugs = LoadPetitions.open(pipeline, options.petitions());
        Mix mix = new Mix(slugs, options.hotShare(), options.repeatShare(), options.invalidShare(), options.botShare());
        this.load = new SignatureLoad(pipeline.url(PipelineService.INTAKE), new SyntheticSigners(mix, 42),
                options.pacing());
    }

    public List<String> slugs() {
        return slugs;
    }

    /** Ends the load {@link #measure} is running {@code remaining} from now, if it was to last longer. */
    public void endLoadIn(Duration remaining) {
        load.endIn(remaining);
    }

    /** Every 202 so far, the warm-up's included. */
    public List<Receipt> receipts() {
        return List.copyOf(receipts);
    }

    /** A connection for one reckoning: a fault run restarts the database while the load runs. */
    private Connection database() throws SQLException {
        PostgresServer postgres = pipeline.postgres();
        return DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), postgres.password());
    }

    /** Load the figures leave out (JIT compilation, first connections, empty caches); returns once it settled. */
    public SignatureLoad.Result warmUp(Duration settleTimeout) throws Exception {
        log.accept("warming up for " + options.warmUp().toSeconds() + " s: " + options.pacing().describe());
        SignatureLoad.Result warmUp = load.run(options.warmUp());
        receipts.addAll(warmUp.receipts());
        if (warmUp.status(202) == 0) {
            throw new IllegalStateException("intake accepted no signature while warming up (answers: "
                    + warmUp.statuses() + "); see " + pipeline.settings().logDir());
        }
        try (Connection database = database()) {
            OutcomeAudit.awaitSettled(database, receipts, settleTimeout);
        }
        return warmUp;
    }

    public Measured measure(Duration settleTimeout) throws Exception {
        log.accept("signing for " + options.duration().toSeconds() + " s: " + options.pacing().describe());
        boolean counting;
        try (Connection database = database()) {
            counting = StatementCounts.reset(database);
        }
        Map<String, Duration> cpuBefore = pipeline.cpuTimes();
        Optional<ServiceProfiles> profiles = options.profile()
                ? Optional.of(ServiceProfiles.start(pipeline.runningServicePids(), options.duration(),
                        pipeline.settings().workDir().resolve("profiles")))
                : Optional.empty();
        SignatureLoad.Result result;
        Map<String, Duration> cpuUsed;
        boolean settled;
        double settleSeconds;
        List<PipelineProgress.Sample> progress;
        try (PipelineProgress watch = PipelineProgress.watch(pipeline)) {
            result = load.run(options.duration());
            cpuUsed = pipeline.cpuTimes();
            cpuUsed.replaceAll((process, total) -> total.minus(cpuBefore.getOrDefault(process, Duration.ZERO)));
            receipts.addAll(result.receipts());
            log.accept("load done: %,d answers, %s; waiting for every 202 to reach reporting"
                    .formatted(result.statuses().values().stream().mapToLong(Long::longValue).sum(), result.statuses()));
            long settling = System.nanoTime();
            try (Connection database = database()) {
                settled = OutcomeAudit.awaitSettled(database, receipts, settleTimeout);
            }
            settleSeconds = (System.nanoTime() - settling) / 1e9;
            progress = watch.samples();
        }
        profiles.ifPresent(taken -> taken.await().forEach(profile -> log.accept(
                "CPU profile of %s while the load ran: %s".formatted(profile.name(), profile.flameGraph()))));
        EndToEndLatency endToEnd;
        Findings audit;
        Optional<StatementCounts> statements;
        try (Connection database = database()) {
            statements = counting ? Optional.of(StatementCounts.read(database)) : Optional.empty();
            endToEnd = EndToEndLatency.measure(database, result.receipts(), result.beginEpochMicros(),
                    options.sampleEvery());
            audit = OutcomeAudit.check(database, pipeline.url(PipelineService.REPORTING), slugs, receipts);
        }
        log.accept((settled ? "settled after %.1f s; " : "NOT settled after %.1f s; ").formatted(settleSeconds)
                + audit.describe());
        return new Measured(result, progress, settled, settleSeconds, endToEnd, audit, cpuUsed, statements);
    }

    @Override
    public void close() {
        load.close();
    }
}
