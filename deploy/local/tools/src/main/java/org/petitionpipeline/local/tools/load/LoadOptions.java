package org.petitionpipeline.local.tools.load;

import static org.petitionpipeline.local.tools.Benchmarks.optionValue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.petitionpipeline.local.launcher.Topology;

/**
 * What {@code ./run-local.sh load} offers the pipeline. Defaults fit this 2-core machine with everything on it:
 * a rate it can mostly take, so the figures show latency under load rather than only a growing queue.
 *
 * @param topology    the pipeline the load runs against: one broker and one instance of each service, or a cluster
 * @param sampleEvery every how many acknowledged new signers one is followed to its count in reporting
 * @param profile     whether every service is CPU-profiled while the measured load runs ({@link ServiceProfiles})
 */
public record LoadOptions(Topology topology, Pacing pacing, Duration duration, Duration warmUp, int petitions, double hotShare,
        double repeatShare, double invalidShare, double botShare, int sampleEvery, boolean profile) {

    static final String USAGE = """
            usage: ./run-local.sh load [--brokers 1|3] [--instances N] [--secure] [--rate N | --max] [--connections N]
                                       [--duration S] [--warm-up S]
                                       [--petitions P] [--hot-share 0.8] [--repeat-share 0.15]
                                       [--invalid-share 0.03] [--bot-share 0.02] [--sample-every 10] [--profile]
              --brokers, --instances, --secure  the pipeline's shape, as for ./run-local.sh (default 1 and 1, plaintext)
              --rate N        open loop: N requests/s on a fixed schedule (default 1000)
              --max           closed loop: every connection sends again as soon as it is answered
              --connections N sockets to intake (default 64)
              --duration S    measured seconds (default 60), after --warm-up S (default 10)
              --petitions P   petitions signed (default 5); the first, the hot one, gets --hot-share of the traffic
              --repeat-share, --invalid-share, --bot-share  shares of repeats typed differently, submissions
                              intake must refuse (422), and scripts (honeypot filled or a forged render time: 422)
              --sample-every K  follow every K-th acknowledged new signer until reporting counted it (default 10)
              --profile       CPU-profile every service while the measured load runs (async-profiler, every 10 ms):
                              a flame graph and the sampled stacks of each in .local-run/bench-load/profiles/""";

    public static LoadOptions parse(String... args) {
        List<String> rest = new ArrayList<>();
        Topology topology = Topology.parse(List.of(args), rest);
        Integer rate = 1000;
        int connections = 64;
        Duration duration = Duration.ofSeconds(60);
        Duration warmUp = Duration.ofSeconds(10);
        int petitions = 5;
        double hotShare = 0.8;
        double repeatShare = 0.15;
        double invalidShare = 0.03;
        double botShare = 0.02;
        int sampleEvery = 10;
        boolean profile = false;
        for (Iterator<String> arg = rest.iterator(); arg.hasNext(); ) {
            String option = arg.next();
            switch (option) {
                case "--max" -> rate = null;
                case "--rate" -> rate = Integer.parseInt(optionValue(option, arg, USAGE));
                case "--connections" -> connections = Integer.parseInt(optionValue(option, arg, USAGE));
                case "--duration" -> duration = Duration.ofSeconds(Long.parseLong(optionValue(option, arg, USAGE)));
                case "--warm-up" -> warmUp = Duration.ofSeconds(Long.parseLong(optionValue(option, arg, USAGE)));
                case "--petitions" -> petitions = Integer.parseInt(optionValue(option, arg, USAGE));
                case "--hot-share" -> hotShare = Double.parseDouble(optionValue(option, arg, USAGE));
                case "--repeat-share" -> repeatShare = Double.parseDouble(optionValue(option, arg, USAGE));
                case "--invalid-share" -> invalidShare = Double.parseDouble(optionValue(option, arg, USAGE));
                case "--bot-share" -> botShare = Double.parseDouble(optionValue(option, arg, USAGE));
                case "--sample-every" -> sampleEvery = Integer.parseInt(optionValue(option, arg, USAGE));
                case "--profile" -> profile = true;
                case "--help" -> throw new IllegalArgumentException(USAGE);
                default -> throw new IllegalArgumentException("unknown option " + option + "\n" + USAGE);
            }
        }
        Pacing pacing = rate == null ? Pacing.closedLoop(connections) : Pacing.openLoop(rate, connections);
        return new LoadOptions(topology, pacing, duration, warmUp, petitions, hotShare, repeatShare, invalidShare, botShare,
                sampleEvery, profile);
    }

    /** The command line that repeats this run, for the report. */
    String commandLine() {
        return "./run-local.sh load " + String.join(" ", topology.asArguments()) + " "
                + (pacing.isOpenLoop() ? "--rate " + pacing.perSecond() : "--max")
                + " --connections " + pacing.connections() + " --duration " + duration.toSeconds()
                + " --warm-up " + warmUp.toSeconds() + " --petitions " + petitions + " --hot-share " + hotShare
                + " --repeat-share " + repeatShare + " --invalid-share " + invalidShare + " --bot-share " + botShare
                + " --sample-every " + sampleEvery + (profile ? " --profile" : "");
    }
}
