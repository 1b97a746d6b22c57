package org.petitionpipeline.local.tools.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/** What intake answered in each second of a run, by the second the answer came: for the chart and the fault run. */
public final class LoadTimeline {

    /**
     * What a signer would call an ordinary answer: the one its submission deserves (202, or 422 for an invalid
     * one), within this long. Intake itself waits up to 8 s (intake.kafka-ack-timeout) for Kafka before it answers 503.
     */
    public static final Duration USUAL_BOUND = Duration.ofSeconds(2);

    /**
     * @param asUsual answers as the submission deserved, within {@link #USUAL_BOUND}
     * @param latency microseconds, of the requests answered in this second
     */
    public record Second(long answered, long accepted, long asUsual, Histogram latency) {
    }

    private static final int ANSWERED = 0;
    private static final int ACCEPTED = 1;
    private static final int AS_USUAL = 2;

    private final List<long[]> counts = new ArrayList<>();
    private final List<Histogram> latencies = new ArrayList<>();

    void record(int second, boolean accepted, boolean asDeserved, long latencyMicros) {
        while (counts.size() <= second) {
            counts.add(new long[3]);
            latencies.add(new Histogram(TimeUnit.MINUTES.toMicros(1), 2));
        }
        counts.get(second)[ANSWERED]++;
        if (accepted) {
            counts.get(second)[ACCEPTED]++;
        }
        if (asDeserved && latencyMicros <= USUAL_BOUND.toNanos() / 1000) {
            counts.get(second)[AS_USUAL]++;
        }
        latencies.get(second).recordValue(Math.min(latencyMicros, TimeUnit.MINUTES.toMicros(1)));
    }

    public List<Second> seconds() {
        List<Second> seconds = new ArrayList<>();
        for (int i = 0; i < counts.size(); i++) {
            long[] count = counts.get(i);
            seconds.add(new Second(count[ANSWERED], count[ACCEPTED], count[AS_USUAL], latencies.get(i)));
        }
        return seconds;
    }
}
