package org.petitionpipeline.local.tools.bench;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.petitionpipeline.contracts.Topics;
import org.petitionpipeline.local.launcher.LocalPipeline;
import org.petitionpipeline.local.launcher.LocalPipelineSettings;
import org.petitionpipeline.local.launcher.PipelineService;
import org.petitionpipeline.local.tools.Benchmarks;
import org.petitionpipeline.local.tools.RawKafkaRate;
import org.petitionpipeline.local.tools.load.Pacing;
import org.petitionpipeline.local.tools.load.SignatureLoad.Outcome;
import org.petitionpipeline.local.tools.load.SignatureLoad;
import org.petitionpipeline.testsupport.KafkaTestClient;

/**
 * {@code ./run-local.sh bench-intake [seconds] [connections]}: how many signatures one signature-intake takes per
 * second over HTTP (each answered 202 only once Kafka holds it), next to how many records of the same size this
 * machine's Kafka takes from a plain producer with intake's batching, measured in one run. Only Kafka and intake
 * run.
 */
public final class IntakeBenchmark {

    // profiled: the JIT's C2 compiler still took 0.4 of the 2 cores 40 s into a run; 5 s measured mostly compilation
    private static final Duration WARM_UP = Duration.ofSeconds(30);

    private IntakeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int connections = args.length > 1 ? Integer.parseInt(args[1]) : 64;
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        LocalPipelineSettings settings =
                Benchmarks.settings("intake", LocalPipelineSettings.SYNTHETIC_SIGNERS);
        try (LocalPipeline pipeline = LocalPipeline.start(settings, EnumSet.of(PipelineService.INTAKE),
                System.out::println);
                KafkaTestClient kafka = new KafkaTestClient(pipeline.kafkaClientConfig());
                SignatureLoad load = new SignatureLoad(pipeline.url(PipelineService.INTAKE),
                        BenchPetition.signers(),
                        Pacing.closedLoop(connections))) {
            BenchPetition.open(pipeline, kafka);

            System.out.printf("warming intake up for %d s%n", WARM_UP.toSeconds());
            SignatureLoad.Result warmUp = load.run(WARM_UP);
            if (warmUp.count(Outcome.ACCEPTED) == 0) {
                throw new IllegalStateException("intake accepted no signature while warming up (answers: "
                        + warmUp.statuses() + "); see " + settings.logDir());
            }
            // the raw producer sends what intake sent: a record it wrote, as it is
            byte[] intakeRecord = kafka.read(Topics.SIGNATURES_SUBMITTED, 1, Duration.ofSeconds(10)).get(0).value()
                    .getBytes(StandardCharsets.UTF_8);
            Map<String, String> batching = RawKafkaRate.intakeBatching(settings.home());
            double rawPerSecond = RawKafkaRate.measure(pipeline.kafkaClientConfig(), batching, intakeRecord);
            System.out.printf("raw Kafka producer: %.0f records/s%n", rawPerSecond);

            System.out.printf("signing with %d connections for %d s%n", connections, seconds);
            Duration intakeCpuBefore = pipeline.cpuTime(PipelineService.INTAKE);
            Duration launcherCpuBefore = launcherCpuTime();
            SignatureLoad.Result result = load.run(Duration.ofSeconds(seconds));
            Usage usage = new Usage(result.seconds(),
                    pipeline.cpuTime(PipelineService.INTAKE).minus(intakeCpuBefore),
                    launcherCpuTime().minus(launcherCpuBefore).minus(result.clientCpu()), result.clientCpu());

            Benchmarks.publish("intake.md", report(seconds, connections, loadBefore, result, usage, rawPerSecond,
                    batching, intakeRecord.length));
        }
    }

    /** The launcher JVM holds the broker and the load generator. */
    private static Duration launcherCpuTime() {
        return ProcessHandle.current().info().totalCpuDuration()
                .orElseThrow(() -> new IllegalStateException("the OS does not tell this process's CPU time"));
    }

    /** Cores each part kept busy during the measured run. */
    private record Usage(double seconds, Duration intake, Duration broker, Duration loadGenerator) {

        double cores(Duration cpu) {
            return cpu.toNanos() / 1e9 / seconds;
        }
    }

    private static String report(int seconds, int connections, double loadBefore, SignatureLoad.Result result,
            Usage usage, double rawPerSecond, Map<String, String> batching, int recordBytes) {
        Histogram latency = result.latency();
        return """
                # signature-intake benchmark

                Run on %s with `./run-local.sh bench-intake %d %d`: Kafka (in the launcher JVM) and one
                signature-intake only, all on this machine (%d cores, Java %s; 1-minute load average %.1f when the run
                began: other work on the machine lowers every figure). %d connections each send the next signature as
                soon as the last is answered, for %.1f s after %d s of warm-up; every request is a new signer (%.0f%%
                repeat an earlier email) from its own address in `X-Forwarded-For`. intake answers 202 only once Kafka
                acknowledged the record (acks=all). The raw figure is a plain producer with intake's settings (%s,
                acks=all, idempotent) sending %,d records of intake's size (%d bytes) as fast as it can, measured after
                the warm-up with intake idle; intake's figure shares the cores with the broker and the load generator.

                | what | figure |
                | --- | --- |
                | raw Kafka producer: intake's settings and record size | %,.0f records/s |
                | intake: signatures accepted (202) | %,.0f /s |
                | intake as a share of the raw producer rate | %.0f%% |

                Latency of each request, sent to fully answered (ms):

                | p50 | p90 | p99 | p99.9 | max |
                | --- | --- | --- | --- | --- |
                | %.1f | %.1f | %.1f | %.1f | %.1f |

                Answers (a 4xx other than 429 means the benchmark sends something intake refuses):

                | 202 | 4xx | 429 | 503 | other | I/O errors |
                | --- | --- | --- | --- | --- | --- |
                | %,d | %,d | %,d | %,d | %,d | %,d |

                Cores kept busy during the measured run: intake %.2f, the broker (the rest of the launcher JVM)
                %.2f, the load generator %.2f.
                """.formatted(LocalDate.now(), seconds, connections, Runtime.getRuntime().availableProcessors(),
                Runtime.version(), loadBefore, connections, result.seconds(), WARM_UP.toSeconds(),
                BenchPetition.REPEAT_SHARE * 100, RawKafkaRate.describe(batching), RawKafkaRate.RECORDS, recordBytes, rawPerSecond,
                result.acceptedPerSecond(), 100 * result.acceptedPerSecond() / rawPerSecond,
                millis(latency, 50), millis(latency, 90), millis(latency, 99), millis(latency, 99.9),
                latency.getMaxValue() / 1000.0,
                result.count(Outcome.ACCEPTED), result.count(Outcome.OTHER_CLIENT_ERROR),
                result.count(Outcome.RATE_LIMITED), result.count(Outcome.UNAVAILABLE),
                result.count(Outcome.OTHER_STATUS), result.count(Outcome.IO_ERROR),
                usage.cores(usage.intake()), usage.cores(usage.broker()), usage.cores(usage.loadGenerator()));
    }

    private static double millis(Histogram latency, double percentile) {
        return latency.getValueAtPercentile(percentile) / 1000.0;
    }
}
