package org.petitionpipeline.local.tools.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * How a cold service's throughput rose under load: its rate and CPU per request in consecutive windows, the
 * steady rate (the mean of the last quarter of the windows) and when it first reached a share of it.
 *
 * @param windowSeconds length of each window
 * @param windows       in order from the first request
 * @param steadyPerSecond mean rate of the last quarter of the windows (at least one)
 * @param secondsToShare the first second by which the last {@code windowSeconds} seconds averaged the share of the
 *                      steady rate; empty when that never happened (or nothing was accepted)
 */
record WarmUpCurve(int windowSeconds, List<Window> windows, double steadyPerSecond, OptionalInt secondsToShare) {

    /** One window: accepted requests per second and the service's CPU per accepted request. */
    record Window(int endSecond, double perSecond, Duration cpuPerRequest) {
    }

    /**
     * @param acceptedEachSecond requests accepted in each second from the first request
     * @param cpuAtWindowEdges   the service's CPU time at the start of each window and at the end of the last
     * @param share              of the steady rate, e.g. 0.8
     */
    static WarmUpCurve of(List<Long> acceptedEachSecond, List<Duration> cpuAtWindowEdges, int windowSeconds,
            double share) {
        int count = cpuAtWindowEdges.size() - 1;
        List<Window> windows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long accepted = sum(acceptedEachSecond, i * windowSeconds, (i + 1) * windowSeconds);
            Duration cpu = cpuAtWindowEdges.get(i + 1).minus(cpuAtWindowEdges.get(i));
            windows.add(new Window((i + 1) * windowSeconds, (double) accepted / windowSeconds,
                    accepted == 0 ? Duration.ZERO : cpu.dividedBy(accepted)));
        }
        int last = Math.max(1, count / 4);
        double steady = windows.subList(count - last, count).stream().mapToDouble(Window::perSecond).average()
                .orElse(0);
        OptionalInt reached = OptionalInt.empty();
        for (int second = windowSeconds; steady > 0 && second <= count * windowSeconds; second++) {
            if (sum(acceptedEachSecond, second - windowSeconds, second) >= share * steady * windowSeconds) {
                reached = OptionalInt.of(second);
                break;
            }
        }
        return new WarmUpCurve(windowSeconds, windows, steady, reached);
    }

    private static long sum(List<Long> values, int from, int to) {
        return values.subList(Math.min(from, values.size()), Math.min(to, values.size())).stream()
                .mapToLong(Long::longValue).sum();
    }
}
