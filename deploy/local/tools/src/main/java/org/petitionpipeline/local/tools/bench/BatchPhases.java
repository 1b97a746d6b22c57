package org.petitionpipeline.local.tools.bench;

import java.net.URI;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.petitionpipeline.local.launcher.Http;

/**
 * Where dedup spent a run's batch time, read from its {@code dedup_batch_phase_seconds} timers on
 * {@code /q/metrics}: checks (validation, hashing), store (the one insert statement), publish (deciding and
 * waiting for the broker's acknowledgements).
 */
record BatchPhases(long batches, double checksSeconds, double storeSeconds, double publishSeconds) {

    private static final List<String> PHASES = List.of("checks", "store", "publish");

    static BatchPhases of(URI dedup) {
        String metrics = Http.get(dedup.resolve("/q/metrics")).body();
        double[] seconds = new double[PHASES.size()];
        long batches = 0;
        for (int i = 0; i < PHASES.size(); i++) {
            seconds[i] = value(metrics, "dedup_batch_phase_seconds_sum", PHASES.get(i));
            batches = (long) value(metrics, "dedup_batch_phase_seconds_count", PHASES.get(i));
        }
        return new BatchPhases(batches, seconds[0], seconds[1], seconds[2]);
    }

    private static double value(String metrics, String name, String phase) {
        Matcher line = Pattern.compile("(?m)^" + name + "\\{[^}]*phase=\"" + phase + "\"[^}]*} (\\S+)$").matcher(metrics);
        return line.find() ? Double.parseDouble(line.group(1)) : 0;
    }

    /** Milliseconds per batch of one phase, for the report. */
    double perBatchMillis(double phaseSeconds) {
        return batches == 0 ? 0 : 1000 * phaseSeconds / batches;
    }

    double busySeconds() {
        return checksSeconds + storeSeconds + publishSeconds;
    }
}
