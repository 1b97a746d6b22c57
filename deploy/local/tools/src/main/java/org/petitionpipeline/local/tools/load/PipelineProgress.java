package org.petitionpipeline.local.tools.load;

import java.util.Map;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.petitionpipeline.contracts.Topics;
import org.petitionpipeline.local.launcher.LocalPipeline;
import org.petitionpipeline.local.tools.TopicEnds;
import org.petitionpipeline.testsupport.PostgresServer;

/**
 * Reads, once a second, how far the stages behind intake have come: dedup's outcomes from the end offsets of
 * {@code signatures.accepted} and {@code signatures.rejected}, reporting's count from its totals, email's sent
 * messages from its outbox. Each reading is one cheap request, so watching does not slow what is watched. A
 * reading that fails (the broker or the database restarting under a fault run) leaves a gap, and the next one
 * connects again.
 */
public final class PipelineProgress implements AutoCloseable {

    /** @param second seconds since the watch began; the counts are cumulative */
    public record Sample(double second, long accepted, long rejected, long counted, long mailed) {
    }

    private static final String COUNTED_AND_MAILED = """
            select (select coalesce(sum(accepted), 0) from reporting.petition_total),
                   (select count(*) from email.outbox where status = 'SENT')""";

    private final TopicEnds topics;
    private final PostgresServer postgres;
    private Connection database;
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
    private final List<Sample> samples = new ArrayList<>();
    private final long begin = System.nanoTime();

    private PipelineProgress(Map<String, Object> kafka, PostgresServer postgres) throws SQLException {
        topics = new TopicEnds(kafka);
        this.postgres = postgres;
        database = connect();
    }

    static PipelineProgress watch(LocalPipeline pipeline) throws SQLException {
        PipelineProgress progress = new PipelineProgress(pipeline.kafkaClientConfig(), pipeline.postgres());
        progress.clock.scheduleAtFixedRate(progress::sample, 0, 1, TimeUnit.SECONDS);
        return progress;
    }

    private void sample() {
        double second = (System.nanoTime() - begin) / 1e9;
        try {
            if (database == null) {
                database = connect();
            }
            try (Statement statement = database.createStatement();
                    ResultSet counts = statement.executeQuery(COUNTED_AND_MAILED)) {
                counts.next();
                Sample sample = new Sample(second, topics.records(Topics.SIGNATURES_ACCEPTED),
                        topics.records(Topics.SIGNATURES_REJECTED), counts.getLong(1), counts.getLong(2));
                synchronized (samples) {
                    samples.add(sample);
                }
            }
        } catch (SQLException | RuntimeException missed) {
            // one missed reading leaves a gap in the chart; the run goes on
            System.err.println("progress reading at " + (int) second + " s failed: " + missed.getMessage());
            if (missed instanceof SQLException) {
                closeDatabase();
            }
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), postgres.password());
    }

    private void closeDatabase() {
        try {
            if (database != null) {
                database.close();
            }
        } catch (SQLException alreadyBroken) {
            // it is being replaced because it broke
        }
        database = null;
    }

    List<Sample> samples() {
        synchronized (samples) {
            return List.copyOf(samples);
        }
    }

    @Override
    public void close() throws SQLException {
        clock.shutdownNow();
        try {
            clock.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        topics.close();
        if (database != null) {
            database.close();
        }
    }
}
