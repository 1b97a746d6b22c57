package org.petitionpipeline.local.tools.load;

import java.awt.Color;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.HdrHistogram.Histogram;
import org.petitionpipeline.local.launcher.LocalPipeline;
import org.petitionpipeline.local.launcher.LocalPipelineSettings;
import org.petitionpipeline.local.tools.Benchmarks;
import org.petitionpipeline.local.tools.RawLimits;
import org.petitionpipeline.local.tools.load.LoadChart.Series;
import org.petitionpipeline.local.tools.load.LoadRun.Measured;

/**
 * {@code ./run-local.sh load [options]}: the whole pipeline under realistic traffic (see {@link LoadOptions}),
 * each stage's pace next to this machine's raw Kafka and PostgreSQL rates measured in the same run, written to
 * docs/benchmarks/load.md and load.png. Exits with 1 when anything acknowledged was lost or counted twice.
 */
public final class LoadBenchmark {

    private static final Duration SETTLE_TIMEOUT = Duration.ofMinutes(10);

    private LoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        LoadOptions options = Benchmarks.optionsOrExit(LoadOptions::parse, args);
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        LocalPipelineSettings settings = Benchmarks.settings("load", options.topology(),
                LocalPipelineSettings.SYNTHETIC_SIGNERS);
        boolean clean;
        try (LocalPipeline pipeline = LocalPipeline.start(settings, System.out::println);
                LoadRun run = new LoadRun(pipeline, options, System.out::println)) {
            run.warmUp(SETTLE_TIMEOUT);
            RawLimits raw = RawLimits.measure(pipeline);
            Measured measured = run.measure(SETTLE_TIMEOUT);
            StageRates rates = StageRates.of(measured.progress(), measured.intake().seconds());
            Benchmarks.publish("load.md", LoadReport.markdown(options, loadBefore, raw, measured, rates));
            LoadChart.write(Benchmarks.home().resolve("docs/benchmarks/load.png"), options.commandLine(),
                    throughput(measured, rates), latency(measured));
            clean = measured.settled() && !measured.audit().lostOrDoubleCounted();
        }
        System.exit(clean ? 0 : 1);
    }

    private static List<Series> throughput(Measured measured, StageRates rates) {
        List<LoadTimeline.Second> seconds = measured.intake().timeline().seconds();
        double[] x = LoadChart.seconds(seconds.size());
        return List.of(
                new Series("intake answers", Color.LIGHT_GRAY, x, seconds.stream().mapToDouble(LoadTimeline.Second::answered).toArray()),
                new Series("intake 202", new Color(31, 119, 180), x, seconds.stream().mapToDouble(LoadTimeline.Second::accepted).toArray()),
                new Series("dedup outcomes", new Color(255, 127, 14), rates.second(), rates.outcomesPerSecond()),
                new Series("dedup accepted", new Color(214, 39, 40), rates.second(), rates.acceptedPerSecond()),
                new Series("reporting counted", new Color(44, 160, 44), rates.second(), rates.countedPerSecond()));
    }

    private static List<Series> latency(Measured measured) {
        List<LoadTimeline.Second> seconds = measured.intake().timeline().seconds();
        Map<Integer, Histogram> intakeBySecond = IntStream.range(0, seconds.size()).boxed()
                .collect(Collectors.toMap(i -> i, i -> seconds.get(i).latency()));
        int endToEndSeconds = measured.endToEnd().bySecond().keySet().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
        double[] x = LoadChart.seconds(seconds.size());
        return List.of(
                new Series("intake p50", new Color(158, 202, 225), x, LoadChart.percentiles(intakeBySecond, seconds.size(), 50, 0.001)),
                new Series("intake p99", new Color(31, 119, 180), x, LoadChart.percentiles(intakeBySecond, seconds.size(), 99, 0.001)),
                new Series("202 → counted p50", new Color(161, 217, 155), LoadChart.seconds(endToEndSeconds),
                        LoadChart.percentiles(measured.endToEnd().bySecond(), endToEndSeconds, 50, 1)),
                new Series("202 → counted p99", new Color(44, 160, 44), LoadChart.seconds(endToEndSeconds),
                        LoadChart.percentiles(measured.endToEnd().bySecond(), endToEndSeconds, 99, 1)));
    }
}
