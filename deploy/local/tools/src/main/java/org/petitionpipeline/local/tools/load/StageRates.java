package org.petitionpipeline.local.tools.load;

import java.util.List;
import org.petitionpipeline.local.tools.load.PipelineProgress.Sample;

/**
 * dedup's and reporting's pace, from the progress read once a second: per second for the chart, and as averages
 * over the load (what each stage kept up with while intake was busy) and until everything was counted.
 */
record StageRates(double[] second, double[] acceptedPerSecond, double[] outcomesPerSecond, double[] countedPerSecond,
        double acceptedDuringLoad, double outcomesDuringLoad, double countedDuringLoad, double countedUntilSettled) {

    static StageRates of(List<Sample> samples, double loadSeconds) {
        int intervals = Math.max(0, samples.size() - 1);
        double[] second = new double[intervals];
        double[] accepted = new double[intervals];
        double[] outcomes = new double[intervals];
        double[] counted = new double[intervals];
        for (int i = 0; i < intervals; i++) {
            Sample from = samples.get(i);
            Sample to = samples.get(i + 1);
            double seconds = to.second() - from.second();
            second[i] = to.second();
            accepted[i] = (to.accepted() - from.accepted()) / seconds;
            outcomes[i] = (to.accepted() + to.rejected() - from.accepted() - from.rejected()) / seconds;
            counted[i] = (to.counted() - from.counted()) / seconds;
        }
        if (samples.size() < 2) {
            return new StageRates(second, accepted, outcomes, counted, 0, 0, 0, 0);
        }
        Sample first = samples.get(0);
        Sample endOfLoad = samples.stream().filter(sample -> sample.second() <= loadSeconds).reduce((a, b) -> b)
                .orElse(first);
        Sample last = samples.get(samples.size() - 1);
        double during = Math.max(1e-9, endOfLoad.second() - first.second());
        return new StageRates(second, accepted, outcomes, counted,
                (endOfLoad.accepted() - first.accepted()) / during,
                (endOfLoad.accepted() + endOfLoad.rejected() - first.accepted() - first.rejected()) / during,
                (endOfLoad.counted() - first.counted()) / during,
                (last.counted() - first.counted()) / Math.max(1e-9, last.second() - first.second()));
    }
}
