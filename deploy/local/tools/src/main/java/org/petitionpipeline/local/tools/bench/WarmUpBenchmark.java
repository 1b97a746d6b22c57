package org.petitionpipeline.local.tools.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.petitionpipeline.local.launcher.Http;
import org.petitionpipeline.local.launcher.LocalPipeline;
import org.petitionpipeline.local.launcher.LocalPipelineSettings;
import org.petitionpipeline.local.launcher.PipelineService;
import org.petitionpipeline.local.tools.Benchmarks;
import org.petitionpipeline.local.tools.load.LoadTimeline;
import org.petitionpipeline.local.tools.load.Pacing;
import org.petitionpipeline.local.tools.load.SignatureLoad;
import org.petitionpipeline.local.tools.load.SignatureLoad.Outcome;
import org.petitionpipeline.testsupport.KafkaTestClient;

/**
 * {@code ./run-local.sh bench-warmup [seconds] [connections] [--jvm 17|17-cds|25|25-aot]}: how fast a signature-intake
 * started cold reaches its steady throughput. Kafka and intake start, a first intake takes load for the training
 * seconds (making the archive the JVM option asks for, and warming the broker and the load generator in this JVM),
 * then intake is stopped and started again, cold, the way the launcher starts it, and signed at once with a closed
 * loop: requests/s and intake's CPU per request in 5-s windows, and the second by which it reached 80% of its
 * steady rate.
 */
public final class WarmUpBenchmark {

    private static final int WINDOW_SECONDS = 5;
    private static final double SHARE_OF_STEADY = 0.8;
    // Micrometer's uptime binder: when the JVM started, as the OS and the JVM count it
    private static final Pattern PROCESS_START = Pattern.compile("(?m)^process_start_time_seconds\\S* (\\S+)$");

    private WarmUpBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        WarmUpOptions options = Benchmarks.optionsOrExit(WarmUpOptions::parse, args);
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        LocalPipelineSettings settings = Benchmarks.settings("warmup", LocalPipelineSettings.SYNTHETIC_SIGNERS)
                .withServiceJvm(options.jvm());
        // every run trains its own archive, so that --train-seconds means what it says
        deleteArchives(settings.startupCacheDir());
        String javaOptions = System.getenv().getOrDefault("PIPELINE_SERVICE_JAVA_OPTS", "");
        try (LocalPipeline pipeline = LocalPipeline.start(settings, EnumSet.of(PipelineService.INTAKE),
                System.out::println);
                KafkaTestClient kafka = new KafkaTestClient(pipeline.kafkaClientConfig());
                SignatureLoad load = new SignatureLoad(pipeline.url(PipelineService.INTAKE), BenchPetition.signers(),
                        Pacing.closedLoop(options.connections()))) {
            BenchPetition.open(pipeline, kafka);
            if (options.trainSeconds() > 0) {
                System.out.printf("training run: signing for %d s%n", options.trainSeconds());
                load.run(Duration.ofSeconds(options.trainSeconds()));
            }
            pipeline.rollingRestart(PipelineService.INTAKE, System.out::println);
            URI intake = pipeline.url(PipelineService.INTAKE);
            Duration startup = Duration.between(processStart(intake), Instant.now());
            long residentAtStart = pipeline.residentBytes(PipelineService.INTAKE);

            System.out.printf("intake ready %.1f s after its JVM started; signing with %d connections for %d s%n",
                    startup.toMillis() / 1000.0, options.connections(), options.seconds());
            CpuSampler cpu = CpuSampler.start(pipeline, options.seconds() / WINDOW_SECONDS);
            SignatureLoad.Result result = load.run(Duration.ofSeconds(options.seconds()));
            List<Duration> cpuAtEdges = cpu.await();
            long residentAtEnd = pipeline.residentBytes(PipelineService.INTAKE);

            WarmUpCurve curve = WarmUpCurve.of(result.timeline().seconds().stream().map(LoadTimeline.Second::accepted)
                    .toList(), cpuAtEdges, WINDOW_SECONDS, SHARE_OF_STEADY);
            String report = report(options, javaOptions, loadBefore, startup, residentAtStart, residentAtEnd,
                    archiveBytes(settings.startupCacheDir()), curve, result);
            System.out.println(report);
            Path file = settings.workDir().resolve("warm-up-" + options.jvm().name() + ".md");
            Files.writeString(file, report);
            System.out.println("written to " + file);
        }
    }

    /** The service's CPU time at the start of every window and at the end of the last, from now. */
    private static final class CpuSampler {

        private final List<Duration> samples = new CopyOnWriteArrayList<>();
        private final CountDownLatch done;
        private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();

        private CpuSampler(int windows) {
            this.done = new CountDownLatch(windows + 1);
        }

        static CpuSampler start(LocalPipeline pipeline, int windows) {
            CpuSampler sampler = new CpuSampler(windows);
            sampler.clock.scheduleAtFixedRate(() -> {
                if (sampler.done.getCount() > 0) {
                    sampler.samples.add(pipeline.cpuTime(PipelineService.INTAKE));
                    sampler.done.countDown();
                }
            }, 0, WINDOW_SECONDS, TimeUnit.SECONDS);
            return sampler;
        }

        List<Duration> await() throws InterruptedException {
            done.await();
            clock.shutdownNow();
            return List.copyOf(samples);
        }
    }

    private static Instant processStart(URI intake) {
        Matcher start = PROCESS_START.matcher(Http.get(intake.resolve("/q/metrics")).body());
        if (!start.find()) {
            throw new IllegalStateException("intake's /q/metrics has no process_start_time_seconds");
        }
        return Instant.ofEpochMilli(Math.round(Double.parseDouble(start.group(1)) * 1000));
    }

    private static void deleteArchives(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            try (Stream<Path> archives = Files.list(directory)) {
                for (Path archive : archives.toList()) {
                    Files.delete(archive);
                }
            }
        }
    }

    private static long archiveBytes(Path directory) {
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        try (Stream<Path> archives = Files.list(directory)) {
            return archives.mapToLong(archive -> archive.toFile().length()).sum();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + directory, e);
        }
    }

    private static String report(WarmUpOptions options, String javaOptions, double loadBefore, Duration startup,
            long residentAtStart, long residentAtEnd, long archiveBytes, WarmUpCurve curve,
            SignatureLoad.Result result) {
        String windows = curve.windows().stream()
                .map(window -> "| %d | %,.0f | %d |".formatted(window.endSecond(), window.perSecond(),
                        window.cpuPerRequest().toNanos() / 1000))
                .collect(Collectors.joining("\n"));
        String reached = curve.secondsToShare().isPresent() ? curve.secondsToShare().getAsInt() + " s"
                : "not within the run";
        return """
                # signature-intake warm-up: --jvm %s

                Run on %s with `./run-local.sh bench-warmup %d %d --jvm %s --train-seconds %d`%s: JDK %s (%s), %d
                cores, 1-minute load average %.1f when the run began. Intake was trained for %d s, stopped, started
                cold, then signed at once by %d closed-loop connections for %.1f s.

                | what | figure |
                | --- | --- |
                | JVM start to ready | %.1f s |
                | archive the training run wrote | %,.0f MB |
                | resident memory when ready / at the end | %,d / %,d MB |
                | steady rate (mean of the last quarter of the run) | %,.0f /s |
                | second by which the last %d s averaged %.0f%% of it | %s |
                | answers: 202 / other | %,d / %,d |

                | window end (s) | signatures/s | intake CPU per signature (µs) |
                | --- | --- | --- |
                %s
                """.formatted(options.jvm().name(), LocalDate.now(), options.seconds(), options.connections(),
                options.jvm().name(), options.trainSeconds(),
                javaOptions.isBlank() ? "" : " and `PIPELINE_SERVICE_JAVA_OPTS=\"" + javaOptions + "\"`",
                options.jvm().release(), options.jvm().javaHome(), Runtime.getRuntime().availableProcessors(),
                loadBefore, options.trainSeconds(), options.connections(), result.seconds(),
                startup.toMillis() / 1000.0, archiveBytes / 1e6, residentAtStart >> 20, residentAtEnd >> 20,
                curve.steadyPerSecond(), WINDOW_SECONDS, SHARE_OF_STEADY * 100, reached,
                result.count(Outcome.ACCEPTED), result.statuses().values().stream().mapToLong(Long::longValue).sum()
                        - result.count(Outcome.ACCEPTED),
                windows);
    }
}
