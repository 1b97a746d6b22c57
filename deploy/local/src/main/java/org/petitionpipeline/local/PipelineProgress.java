package org.petitionpipeline.local;

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
import org.petitionpipeline.testsupport.PostgresServer;

/**
 * Reads, once a second, how far the stages behind intake have come: dedup's outcomes from the end offsets of
 * {@code signatures.accepted} and {@code signatures.rejected}, reporting's count from its totals. Both readings
 * are one cheap request each, so watching does not slow what is watched.
 */
final class PipelineProgress implements AutoCloseable {

    /** @param second seconds since the watch began; the counts are cumulative */
    record Sample(double second, long accepted, long rejected, long counted) {
    }

    private static final String COUNTED = "select coalesce(sum(accepted), 0) from reporting.petition_total";

    private final TopicEnds topics;
    private final Connection database;
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
    private final List<Sample> samples = new ArrayList<>();
    private final long begin = System.nanoTime();

    private PipelineProgress(String bootstrapServers, PostgresServer postgres) throws SQLException {
        topics = new TopicEnds(bootstrapServers);
        database = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), postgres.password());
    }

    static PipelineProgress watch(LocalPipeline pipeline) throws SQLException {
        PipelineProgress progress = new PipelineProgress(pipeline.kafkaBootstrapServers(), pipeline.postgres());
        progress.clock.scheduleAtFixedRate(progress::sample, 0, 1, TimeUnit.SECONDS);
        return progress;
    }

    private void sample() {
        double second = (System.nanoTime() - begin) / 1e9;
        try (Statement statement = database.createStatement(); ResultSet counted = statement.executeQuery(COUNTED)) {
            counted.next();
            Sample sample = new Sample(second, topics.records(Topics.SIGNATURES_ACCEPTED),
                    topics.records(Topics.SIGNATURES_REJECTED), counted.getLong(1));
            synchronized (samples) {
                samples.add(sample);
            }
        } catch (SQLException | RuntimeException missed) {
            // one missed reading leaves a gap in the chart; the run goes on
            System.err.println("progress reading at " + (int) second + " s failed: " + missed.getMessage());
        }
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
        database.close();
    }
}
