package org.petitionpipeline.reporting.ops;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.petitionpipeline.contracts.Topics;
import org.petitionpipeline.reporting.config.ReportingConfig;

/**
 * Reads the pipeline's running counts from Kafka and the database once per interval while someone watches the
 * ops console, and keeps the last readings for the rates and their chart. Nobody watching, nothing is read.
 */
@ApplicationScoped
public class OpsMonitor {

    private static final String DEAD_LETTER_SUFFIX = Topics.deadLetterOf("");

    private final KafkaOffsets kafka;
    private final OpsCountsRepository counts;
    private final ReportingConfig.Ops config;
    private final Deque<OpsSample> samples = new ArrayDeque<>();
    private final AtomicBoolean sampling = new AtomicBoolean();
    private volatile Instant lastAsked = Instant.MIN;
    private volatile String problem;

    public OpsMonitor(KafkaOffsets kafka, OpsCountsRepository counts, ReportingConfig config) {
        this.kafka = kafka;
        this.counts = counts;
        this.config = config.ops();
    }

    /*
     * A Vert.x timer for the same reason as LiveTotals': the Quarkus scheduler runs one-second jobs late now and
     * then. The readings block, so they run on a worker; one still running makes the next skip.
     */
    void startSampling(@Observes StartupEvent started, Vertx vertx) {
        vertx.setPeriodic(config.sampleInterval().toMillis(), timer -> {
            if (watched(Instant.now()) && sampling.compareAndSet(false, true)) {
                vertx.executeBlocking(this::sampleQuietly, false).onComplete(done -> sampling.set(false));
            }
        });
    }

    /** The figures now; a first look after a quiet spell reads once at once, the timer does the rest. */
    public OpsFigures figures() {
        Instant now = Instant.now();
        if (!watched(now)) {
            synchronized (samples) {
                samples.clear();
            }
            lastAsked = now;
            sampleQuietly();
        }
        lastAsked = now;
        synchronized (samples) {
            return figuresOf(List.copyOf(samples), config.emailGroup(), problem);
        }
    }

    private boolean watched(Instant now) {
        return lastAsked.isAfter(now.minus(config.idleAfter()));
    }

    private Void sampleQuietly() {
        try {
            OpsSample sample = read();
            synchronized (samples) {
                samples.addLast(sample);
                while (samples.size() > config.samplesKept()) {
                    samples.removeFirst();
                }
            }
            problem = null;
        } catch (RuntimeException e) {
            Log.warnf("ops figures not read: %s", e.getMessage());
            problem = e.getMessage();
        }
        return null;
    }

    private OpsSample read() {
        Instant at = Instant.now();
        Set<String> deadLetterTopics = kafka.topicsEndingWith(DEAD_LETTER_SUFFIX);
        Set<String> topics = new HashSet<>(deadLetterTopics);
        Arrays.stream(OpsStage.values()).map(OpsStage::topic).filter(Objects::nonNull).forEach(topics::add);
        Map<String, Long> records = kafka.recordsIn(topics);
        Map<String, Long> stages = new LinkedHashMap<>();
        for (OpsStage stage : OpsStage.values()) {
            stages.put(stage.label(), stage.topic() == null ? counts.counted() : records.getOrDefault(stage.topic(), 0L));
        }
        Map<String, Long> deadLetters = new TreeMap<>(records);
        deadLetters.keySet().retainAll(deadLetterTopics);
        return new OpsSample(at, stages, counts.rejectedByReason(), kafka.lagOfEveryGroup(), deadLetters);
    }

    /** The figures the readings give, latest last; pure, so the arithmetic is tested without a broker. */
    static OpsFigures figuresOf(List<OpsSample> readings, String emailGroup, String problem) {
        if (readings.isEmpty()) {
            return new OpsFigures(null, Map.of(), Map.of(), Map.of(), Map.of(), List.of(), Map.of(), null, List.of(),
                    problem);
        }
        List<OpsFigures.RatePoint> history = new ArrayList<>();
        for (int i = 1; i < readings.size(); i++) {
            history.add(new OpsFigures.RatePoint(readings.get(i).at().toEpochMilli(), OpsRates.perSecond(
                    readings.get(i - 1).stages(), readings.get(i).stages(), between(readings.get(i - 1), readings.get(i)))));
        }
        OpsSample latest = readings.get(readings.size() - 1);
        Optional<OpsSample> previous = readings.size() > 1 ? Optional.of(readings.get(readings.size() - 2))
                : Optional.empty();
        Map<String, Double> rejectedPerSecond = previous.map(before -> OpsRates.perSecond(before.rejectedByReason(),
                latest.rejectedByReason(), between(before, latest))).orElse(Map.of());
        Long emailBacklog = latest.consumerGroups().stream().filter(group -> group.group().equals(emailGroup))
                .map(ConsumerGroupLag::lag).findFirst().orElse(null);
        return new OpsFigures(latest.at(), history.isEmpty() ? Map.of() : history.get(history.size() - 1).rates(),
                latest.stages(), latest.rejectedByReason(), rejectedPerSecond, latest.consumerGroups(),
                latest.deadLetters(), emailBacklog, history, problem);
    }

    private static Duration between(OpsSample earlier, OpsSample later) {
        return Duration.between(earlier.at(), later.at());
    }
}
