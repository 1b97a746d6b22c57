package org.petitionpipeline.local.tools.load;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/** What intake answered in each second of a run, by the second the answer came: for the chart. */
public final class LoadTimeline {

    /** @param latency microseconds, of the requests answered in this second */
    public record Second(long answered, long accepted, Histogram latency) {
    }

    private final List<long[]> counts = new ArrayList<>();
    private final List<Histogram> latencies = new ArrayList<>();

    void record(int second, boolean accepted, long latencyMicros) {
        while (counts.size() <= second) {
            counts.add(new long[2]);
            latencies.add(new Histogram(TimeUnit.MINUTES.toMicros(1), 2));
        }
        counts.get(second)[0]++;
        if (accepted) {
            counts.get(second)[1]++;
        }
        latencies.get(second).recordValue(Math.min(latencyMicros, TimeUnit.MINUTES.toMicros(1)));
    }

    public List<Second> seconds() {
        List<Second> seconds = new ArrayList<>();
        for (int i = 0; i < counts.size(); i++) {
            seconds.add(new Second(counts.get(i)[0], counts.get(i)[1], latencies.get(i)));
        }
        return seconds;
    }
}
