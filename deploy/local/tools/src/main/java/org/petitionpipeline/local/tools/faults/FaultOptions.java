package org.petitionpipeline.local.tools.faults;

import static org.petitionpipeline.local.tools.Benchmarks.optionValue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.petitionpipeline.local.launcher.Topology;
import org.petitionpipeline.local.tools.load.LoadOptions;

/**
 * What {@code ./run-local.sh faults} does: a steady open-loop load, and the faults one after another while it
 * runs. The defaults fit a 2-core machine that also runs the whole pipeline (and, shared, other builds): a rate
 * whose receipts email keeps up with, so that what a fault does is not lost in a backlog, and room between faults
 * for a restart and a catch-up.
 *
 * @param topology the pipeline the faults are done to: one broker and one instance of each service, or a cluster
 * @param spacing  steady load before the first fault, from each fault's recovery to the next and after the last
 */
public record FaultOptions(Topology topology, int rate, int connections, Duration spacing, Duration warmUp,
        int petitions, List<Fault> faults) {

    static final String USAGE = """
            usage: ./run-local.sh faults [--brokers 1|3] [--instances N] [--secure] [--rate N] [--connections N] [--spacing S]
                                         [--warm-up S] [--petitions P] [--faults kill-intake,kill-dedup,...]
              --brokers, --instances, --secure  the pipeline's shape, as for ./run-local.sh (default 1 and 1, plaintext)
              --rate N        open loop: N signing requests/s on a fixed schedule (default 200)
              --connections N sockets to intake (default 32)
              --spacing S     seconds of load before the first fault, from each fault's end to the next, and after
                              the last (default 25)
              --warm-up S     seconds of load before any of it, left out of the recovery figures (default 10)
              --petitions P   petitions signed (default 3)
              --faults LIST   in this order (default: all that fit the pipeline): %s""".formatted(
            String.join(",", Fault.options(List.of(Fault.values()))));

    public FaultOptions {
        faults = List.copyOf(faults);
        for (Fault fault : faults) {
            if (!fault.fits(topology)) {
                throw new IllegalArgumentException(fault.option() + " does not fit a pipeline of " + topology
                        + "; these do: " + String.join(",", Fault.options(Fault.fitting(topology))));
            }
        }
    }

    public static FaultOptions parse(String... args) {
        List<String> rest = new ArrayList<>();
        Topology topology = Topology.parse(List.of(args), rest);
        int rate = 200;
        int connections = 32;
        Duration spacing = Duration.ofSeconds(25);
        Duration warmUp = Duration.ofSeconds(10);
        int petitions = 3;
        List<Fault> faults = Fault.fitting(topology);
        for (Iterator<String> arg = rest.iterator(); arg.hasNext(); ) {
            String option = arg.next();
            switch (option) {
                case "--rate" -> rate = Integer.parseInt(optionValue(option, arg, USAGE));
                case "--connections" -> connections = Integer.parseInt(optionValue(option, arg, USAGE));
                case "--spacing" -> spacing = Duration.ofSeconds(Long.parseLong(optionValue(option, arg, USAGE)));
                case "--warm-up" -> warmUp = Duration.ofSeconds(Long.parseLong(optionValue(option, arg, USAGE)));
                case "--petitions" -> petitions = Integer.parseInt(optionValue(option, arg, USAGE));
                case "--faults" -> faults = Arrays.stream(optionValue(option, arg, USAGE).split(",")).map(Fault::of).toList();
                case "--help" -> throw new IllegalArgumentException(USAGE);
                default -> throw new IllegalArgumentException("unknown option " + option + "\n" + USAGE);
            }
        }
        return new FaultOptions(topology, rate, connections, spacing, warmUp, petitions, faults);
    }

    /**
     * The load under the faults: the load tool's own mix. The fault run ends it a spacing after the last fault is
     * over; its duration here only bounds it, should a fault never end.
     */
    LoadOptions load() {
        List<String> arguments = new ArrayList<>(topology.asArguments());
        arguments.addAll(List.of("--rate", String.valueOf(rate), "--connections", String.valueOf(connections),
                "--duration", String.valueOf(loadLimit().toSeconds()), "--warm-up", String.valueOf(warmUp.toSeconds()),
                "--petitions", String.valueOf(petitions)));
        return LoadOptions.parse(arguments.toArray(String[]::new));
    }

    /** The spacing around every fault, and for each the longest a service may take to start (2 min) and more. */
    private Duration loadLimit() {
        return spacing.multipliedBy(faults.size() + 1L).plus(Duration.ofMinutes(3).multipliedBy(faults.size()));
    }

    /** The command line that repeats this run, for the report. */
    String commandLine() {
        return "./run-local.sh faults " + String.join(" ", topology.asArguments())
                + " --rate " + rate + " --connections " + connections + " --spacing "
                + spacing.toSeconds() + " --warm-up " + warmUp.toSeconds() + " --petitions " + petitions
                + " --faults " + String.join(",", Fault.options(faults));
    }
}
