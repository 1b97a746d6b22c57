package org.petitionpipeline.local.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WarmUpCurveTest {

    @Test
    void eachWindowHasItsRateAndItsCpuPerRequest() {
        List<Long> accepted = perSecond(100, 5, 300, 5);
        List<Duration> cpu = List.of(Duration.ZERO, Duration.ofMillis(500), Duration.ofMillis(800));

        WarmUpCurve curve = WarmUpCurve.of(accepted, cpu, 5, 0.8);

        assertThat(curve.windows()).containsExactly(
                new WarmUpCurve.Window(5, 100, Duration.ofMillis(1)),
                new WarmUpCurve.Window(10, 300, Duration.ofNanos(200_000)));
    }

    @Test
    void steadyIsTheLastQuarterAndTheShareIsReachedWhenTheLastWindowsWorthAveragesIt() {
        // 100/s for 10 s, then 1,000/s for 30 s: steady (the last 10 s) 1,000/s; by second 14 the last 5 s hold
        // 4 s of 1,000 and 1 of 100, 4,100 of the 5,000 a steady 5 s hold, at last above 80%
        List<Long> accepted = perSecond(100, 10, 1000, 30);

        WarmUpCurve curve = WarmUpCurve.of(accepted, edges(8), 5, 0.8);

        assertThat(curve.steadyPerSecond()).isEqualTo(1000);
        assertThat(curve.secondsToShare()).hasValue(14);
    }

    @Test
    void aServiceThatTakesNothingNeverGetsThere() {
        assertThat(WarmUpCurve.of(perSecond(0, 10), edges(2), 5, 0.8).secondsToShare()).isEmpty();
    }

    /** Pairs of (requests in a second, for that many seconds). */
    private static List<Long> perSecond(long... rateAndSeconds) {
        List<Long> seconds = new ArrayList<>();
        for (int i = 0; i < rateAndSeconds.length; i += 2) {
            for (int s = 0; s < rateAndSeconds[i + 1]; s++) {
                seconds.add(rateAndSeconds[i]);
            }
        }
        return seconds;
    }

    private static List<Duration> edges(int windows) {
        List<Duration> cpu = new ArrayList<>();
        for (int i = 0; i <= windows; i++) {
            cpu.add(Duration.ofSeconds(i));
        }
        return cpu;
    }
}
