package org.petitionpipeline.local.tools.load;

import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;
import org.petitionpipeline.local.tools.RawKafkaRate;
import org.petitionpipeline.local.tools.RawLimits;
import org.petitionpipeline.local.tools.RawPostgresRate;
import org.petitionpipeline.local.tools.load.LoadRun.Measured;

/** docs/benchmarks/load.md: one load run's figures, each stage next to the raw limit under it. */
public final class LoadReport {

    private LoadReport() {
    }

    static String markdown(LoadOptions options, double loadBefore, RawLimits raw, Measured measured, StageRates rates) {
        SignatureLoad.Result intake = measured.intake();
        Histogram latency = intake.latency();
        Histogram endToEnd = measured.endToEnd().latency();
        double answered = intake.statuses().values().stream().mapToLong(Long::longValue).sum() / intake.seconds();
        return """
                # Load run: the whole pipeline

                Run on %s with `%s`.
                Everything on this machine (%d cores, Java %s; 1-minute load average %.1f when the run began — other
                work on a shared machine lowers every figure): %s, PostgreSQL, the mail catcher and the load
                generator (one Vert.x event loop in the launcher JVM). %s, for %.1f s after
                %d s of warm-up, spread over %d petitions (%.0f%% on the hot one): %.0f%% repeats typed differently,
                %.0f%% invalid fields and %.0f%% scripts (honeypot or forged render time), each signer from an address of
                its own in `X-Forwarded-For`. Latency counts from each request's scheduled start in an open loop (no
                coordinated omission), from its send in a closed loop. Raw limits were measured in the same run, after
                the warm-up had settled, with the pipeline idle.

                ![throughput and latency per second](load.png)

                | stage | figure | share of the raw limit |
                | --- | --- | --- |
                | raw Kafka producer: intake's record (%d bytes) and settings (%s), acks=all, idempotent | %,.0f records/s | |
                | raw PostgreSQL: dedup's rows and `INSERT … ON CONFLICT`, batches of %d, one client | %,.0f rows/s | |
                | intake: answers | %,.0f /s | |
                | intake: signatures acknowledged (202) | %,.0f /s | %.1f%% of raw Kafka |
                | dedup: outcomes (accepted + rejected) while the load ran | %,.0f /s | %.1f%% of raw PostgreSQL |
                | dedup: accepted while the load ran | %,.0f /s | |
                | reporting: counted while the load ran | %,.0f /s | %.1f%% of raw PostgreSQL |
                | reporting: counted from the start until every 202 was counted | %,.0f /s | |
                | every 202 had its outcome in reporting | %s | |

                Latency (ms):

                | | samples | p50 | p90 | p99 | p99.9 | max |
                | --- | --- | --- | --- | --- | --- | --- |
                | intake: request to whole answer | %,d | %.1f | %.1f | %.1f | %.1f | %.1f |
                | end to end: 202 to counted in the total (every %d-th new signer) | %,d | %,d | %,d | %,d | %,d | %,d |

                Answers by status (`0`: no answer at all): %s. Not the answer the submission called for (202 for signers,
                422 for invalid and scripts): %,d.%s

                Lost or counted twice: %s. %s

                CPU of each process while the load ran:

                | process | cores kept busy | CPU per acknowledged signature (µs) |
                | --- | --- | --- |
                %s

                What PostgreSQL ran from the start of the load until every 202 was counted (`pg_stat_statements`;
                email's sending goes on after that and is only partly in it):

                %s
                """.formatted(LocalDate.now(), options.commandLine(), Runtime.getRuntime().availableProcessors(),
                Runtime.version(), loadBefore, options.topology().describe(), capitalized(options.pacing().describe()),
                intake.seconds(),
                options.warmUp().toSeconds(), options.petitions(), 100 * options.hotShare(),
                100 * options.repeatShare(), 100 * options.invalidShare(), 100 * options.botShare(),
                raw.recordBytes(), RawKafkaRate.describe(raw.batching()), raw.kafkaRecordsPerSecond(),
                RawPostgresRate.BATCH, raw.postgresRowsPerSecond(), answered,
                intake.acceptedPerSecond(), 100 * intake.acceptedPerSecond() / raw.kafkaRecordsPerSecond(),
                rates.outcomesDuringLoad(), 100 * rates.outcomesDuringLoad() / raw.postgresRowsPerSecond(),
                rates.acceptedDuringLoad(), rates.countedDuringLoad(),
                100 * rates.countedDuringLoad() / raw.postgresRowsPerSecond(), rates.countedUntilSettled(),
                measured.settled() ? "%.1f s after the last answer".formatted(measured.settleSeconds())
                        : "**no**, still missing after %.0f s".formatted(measured.settleSeconds()),
                latency.getTotalCount(), millis(latency, 50), millis(latency, 90), millis(latency, 99),
                millis(latency, 99.9), latency.getMaxValue() / 1000.0,
                options.sampleEvery(), endToEnd.getTotalCount(), endToEnd.getValueAtPercentile(50),
                endToEnd.getValueAtPercentile(90), endToEnd.getValueAtPercentile(99),
                endToEnd.getValueAtPercentile(99.9), endToEnd.getMaxValue(),
                intake.statuses(), intake.unexpected(),
                intake.noAnswer().isEmpty() ? "" : " No answer, by the client's error: " + intake.noAnswer() + ".",
                measured.audit().lostOrDoubleCounted() ? "**yes**" : "nothing",
                measured.audit().describe() + (measured.endToEnd().notCounted() == 0 ? ""
                        : "; %d sampled signers were counted through their repeat, sent while the first was in flight"
                                .formatted(measured.endToEnd().notCounted())),
                cpuTable(measured.cpu(), intake.seconds(), intake.status(202), intake.clientCpu()),
                measured.statements().map(counts -> counts.describe(intake.status(202)))
                        .orElse("Not counted: this PostgreSQL has no `pg_stat_statements` loaded."));
    }

    /**
     * One row per process: the cores it kept busy, and its CPU per 202 (what the pipeline is for), so that one
     * instance and two can be compared however long each run was.
     */
    private static String cpuTable(Map<String, Duration> cpu, double seconds, long acknowledged, Duration loadGenerator) {
        Map<String, Duration> rows = new LinkedHashMap<>(cpu);
        rows.put("of which the load generator", loadGenerator);
        return rows.entrySet().stream().map(used -> "| %s | %.2f | %.0f |".formatted(used.getKey(),
                        used.getValue().toNanos() / 1e9 / seconds,
                        acknowledged == 0 ? 0 : used.getValue().toNanos() / 1e3 / acknowledged))
                .collect(Collectors.joining("\n"));
    }

    private static double millis(Histogram latency, double percentile) {
        return latency.getValueAtPercentile(percentile) / 1000.0;
    }

    public static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
