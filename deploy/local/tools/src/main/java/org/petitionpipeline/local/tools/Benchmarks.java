package org.petitionpipeline.local.tools;

import java.util.HashMap;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.petitionpipeline.contracts.EventSchema;
import org.petitionpipeline.local.launcher.InfrastructureLogging;
import org.petitionpipeline.local.launcher.LocalPipelineSettings;
import org.petitionpipeline.local.launcher.PipelineService;
import org.petitionpipeline.local.launcher.Ports;
import org.petitionpipeline.local.launcher.Secrets;
import org.petitionpipeline.local.launcher.Topology;

/** What the {@code ./run-local.sh bench-*} commands share: a pipeline of their own, a producer, the report. */
public final class Benchmarks {

    private static final String HISTORY_HEADING = "## History";

    private Benchmarks() {
    }

    public static Path home() {
        return Path.of(System.getProperty("pipeline.home", ".")).toAbsolutePath().normalize();
    }

    /**
     * Settings for a pipeline under {@code .local-run/bench-<name>} on free ports (a running local pipeline
     * keeps its own), with its infrastructure logging to a file there: call it before anything logs.
     */
    public static LocalPipelineSettings settings(String name, Map<PipelineService, Map<String, String>> serviceEnvironment) {
        return settings(name, Topology.SINGLE, serviceEnvironment);
    }

    /**
     * As {@link #settings(String, Map)}, for a pipeline of that shape. Unsupervised: a fault run kills and starts
     * instances itself, and a dead instance must show in its findings rather than be started behind its back.
     */
    public static LocalPipelineSettings settings(String name, Topology topology,
            Map<PipelineService, Map<String, String>> serviceEnvironment) {
        Path home = home();
        LocalPipelineSettings settings = new LocalPipelineSettings(home, home.resolve(".local-run/bench-" + name),
                topology, Ports.free(topology), false, Secrets.fromEnvironmentOrRandom(Map.of()), serviceEnvironment);
        InfrastructureLogging.toFile(settings.logDir().resolve("infrastructure.log"));
        return settings;
    }

    /**
     * An open petition as reporting announces it on the {@code petitions} topic, for a benchmark that runs without
     * reporting; its consent wording is version {@code v1}, as {@link SyntheticSubmissions}' signers agree to.
     */
    public static String openPetition(String slug) {
        return """
                {"schema_version": %d, "slug": "%s", "title": "Benchmark", "text": "Signed by a load generator.",
                 "targets": [{"name": "Nobody", "title": "Test target"}], "goal": 1000000, "status": "OPEN",
                 "consent_text": "Email me updates", "consent_text_version": "v1"}""".formatted(EventSchema.VERSION, slug);
    }

    /** Parses a command's options; on a bad one (or {@code --help}) prints why and exits with 64 (EX_USAGE). */
    public static <T> T optionsOrExit(Function<String[], T> parse, String[] args) {
        try {
            return parse.apply(args);
        } catch (IllegalArgumentException badOption) {
            System.err.println(badOption.getMessage());
            System.exit(64);
            throw badOption;
        }
    }

    /** The value after an option, e.g. {@code 25-aot} after {@code --jvm}; without one, says so and how to use it. */
    public static String optionValue(String option, Iterator<String> args, String usage) {
        if (!args.hasNext()) {
            throw new IllegalArgumentException(option + " needs a value\n" + usage);
        }
        return args.next();
    }

    /** A producer as durable as the services' own (acks=all, idempotent), tuned by {@code settings} (batching…). */
    public static KafkaProducer<String, byte[]> producer(Map<String, Object> connection, Map<String, String> settings) {
        Map<String, Object> config = new HashMap<>(connection);
        config.putAll(settings);
        config.put("acks", "all");
        config.put("enable.idempotence", "true");
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    /**
     * Prints the report and writes it to {@code docs/benchmarks/<fileName>}, replacing the last run's figures
     * but keeping its "History" section.
     */
    public static void publish(String fileName, String report) throws IOException {
        publish("docs/benchmarks", fileName, report);
    }

    /** As {@link #publish(String, String)}, into another directory of the project, e.g. docs/reliability. */
    public static void publish(String directory, String fileName, String report) throws IOException {
        System.out.println(report);
        Path file = home().resolve(directory).resolve(fileName);
        Files.createDirectories(file.getParent());
        Files.writeString(file, report + keptHistory(file));
        System.out.println("written to " + file);
    }

    /** The hand-written history at the end of the last report, which a new run must not erase. */
    private static String keptHistory(Path file) throws IOException {
        if (!Files.exists(file)) {
            return "";
        }
        String last = Files.readString(file);
        int history = last.indexOf(HISTORY_HEADING);
        return history < 0 ? "" : "\n" + last.substring(history);
    }
}
