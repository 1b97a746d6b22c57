package org.petitionpipeline.local.tools;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.petitionpipeline.testsupport.PipelineTopics;

/**
 * This machine's ceiling for intake's writes: as many records of intake's size as one producer with intake's
 * batching gets acknowledged (acks=all, idempotent), no HTTP. They go to a scratch topic shaped like
 * {@code signatures.submitted}, so a running dedup never sees them.
 */
public final class RawKafkaRate {

    public static final int RECORDS = 300_000;
    private static final String SCRATCH_TOPIC = "bench.raw-producer";
    private static final String INTAKE_CONFIG = "signature-intake/src/main/resources/application.properties";
    private static final String INTAKE_PRODUCER = "intake.producer.";

    private RawKafkaRate() {
    }

    /** Records per second. */
    public static double measure(Map<String, Object> connection, Map<String, String> batching, byte[] record) {
        createScratchTopic(connection);
        // distinct keys of intake's shape (slug:hash), so the records spread over the partitions as intake's do
        List<String> keys = IntStream.range(0, RECORDS).mapToObj(i -> "bench:%064x".formatted(i)).toList();
        AtomicReference<Exception> failure = new AtomicReference<>();
        try (KafkaProducer<String, byte[]> producer = Benchmarks.producer(connection, batching)) {
            producer.partitionsFor(SCRATCH_TOPIC); // the metadata before the clock starts
            long start = System.nanoTime();
            for (String key : keys) {
                producer.send(new ProducerRecord<>(SCRATCH_TOPIC, key, record), (sent, error) -> {
                    if (error != null) {
                        failure.compareAndSet(null, error);
                    }
                });
            }
            producer.flush();
            double seconds = (System.nanoTime() - start) / 1e9;
            if (failure.get() != null) {
                throw new IllegalStateException("the broker did not take every raw record", failure.get());
            }
            return RECORDS / seconds;
        }
    }

    /** Intake's producer batching, read from its own configuration so the raw figure follows when it is tuned. */
    public static Map<String, String> intakeBatching(Path home) {
        Properties intake = new Properties();
        try (Reader reader = Files.newBufferedReader(home.resolve(INTAKE_CONFIG))) {
            intake.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read intake's producer settings", e);
        }
        return Stream.of("linger.ms", "batch.size").filter(setting -> intake.containsKey(intakeKey(setting)))
                .collect(Collectors.toMap(Function.identity(), setting -> intake.getProperty(intakeKey(setting))));
    }

    /** {@code linger.ms} is {@code intake.producer.linger-ms} in intake's configuration. */
    private static String intakeKey(String producerSetting) {
        return INTAKE_PRODUCER + producerSetting.replace('.', '-');
    }

    public static String describe(Map<String, String> batching) {
        return batching.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(setting -> setting.getKey() + "=" + setting.getValue()).collect(Collectors.joining(" "));
    }

    private static void createScratchTopic(Map<String, Object> connection) {
        try (Admin admin = Admin.create(connection)) {
            if (!admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(SCRATCH_TOPIC)) {
                admin.createTopics(List.of(new NewTopic(SCRATCH_TOPIC, PipelineTopics.SIGNATURE_PARTITIONS,
                        (short) 1))).all().get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not create the scratch topic " + SCRATCH_TOPIC, e);
        }
    }
}
