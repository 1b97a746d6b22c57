package org.petitionpipeline.local.tools.faults;

import java.lang.management.ManagementFactory;
import org.petitionpipeline.local.launcher.LocalPipeline;
import org.petitionpipeline.local.launcher.LocalPipelineSettings;
import org.petitionpipeline.local.launcher.Topology;
import org.petitionpipeline.local.tools.Benchmarks;

/**
 * {@code ./run-local.sh faults [options]}: the whole pipeline under a steady load while each service is killed
 * and restarted, the broker and the database are restarted and poison records arrive (see {@link FaultOptions});
 * then every 202 is followed to its outcome, its count and its receipt. Writes docs/reliability/faults.md (a
 * cluster's run: faults-cluster.md) and
 * exits with 1 when anything was lost, counted twice or mailed twice, or the dead-letter topics hold anything but
 * the poison.
 */
public final class FaultHarness {

    private FaultHarness() {
    }

    public static void main(String[] args) throws Exception {
        FaultOptions options = Benchmarks.optionsOrExit(FaultOptions::parse, args);
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        LocalPipelineSettings settings = Benchmarks.settings("faults", options.topology(),
                LocalPipelineSettings.SYNTHETIC_SIGNERS);
        boolean clean;
        try (LocalPipeline pipeline = LocalPipeline.start(settings, System.out::println);
                FaultRun run = new FaultRun(pipeline, options, System.out::println)) {
            FaultRun.Findings findings = run.run();
            Benchmarks.publish("docs/reliability", reportFile(options.topology()),
                    FaultReport.markdown(options, loadBefore, findings));
            clean = findings.clean();
        }
        System.exit(clean ? 0 : 1);
    }

    /** A cluster's run has a report of its own, so that the single-node run stays beside it. */
    static String reportFile(Topology topology) {
        return topology.isCluster() ? "faults-cluster.md" : "faults.md";
    }
}
