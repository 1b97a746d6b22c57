package org.petitionpipeline.local.launcher;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Starts an instance again when it dies without being asked to, as an orchestrator restarts a crashed pod, and
 * says so. One that dies again soon after is started again later each time (1 s, 2 s, 4 s, … up to 30 s), as a
 * crash loop backs off. An instance set aside (stopped on purpose, for a rolling restart) is left alone.
 */
final class Supervisor implements AutoCloseable {

    private static final Duration CHECK_EVERY = Duration.ofSeconds(1);
    private static final Duration STABLE_AFTER = Duration.ofSeconds(60);
    private static final Duration LONGEST_BACKOFF = Duration.ofSeconds(30);

    private final List<ServiceInstance> instances;
    private final Consumer<String> report;
    private final Set<ServiceInstance> setAside = ConcurrentHashMap.newKeySet();
    private final Map<ServiceInstance, Restart> restarts = new ConcurrentHashMap<>();
    private final ScheduledExecutorService checks = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "supervisor");
        thread.setDaemon(true);
        return thread;
    });

    private record Restart(Instant at, int inARow) {
    }

    private Supervisor(List<ServiceInstance> instances, Consumer<String> report) {
        this.instances = List.copyOf(instances);
        this.report = report;
    }

    static Supervisor watch(List<ServiceInstance> instances, Consumer<String> report) {
        Supervisor supervisor = new Supervisor(instances, report);
        supervisor.checks.scheduleWithFixedDelay(supervisor::check, CHECK_EVERY.toMillis(), CHECK_EVERY.toMillis(),
                TimeUnit.MILLISECONDS);
        return supervisor;
    }

    /** Leaves {@code instance} down until {@link #takeBack} (a planned stop). */
    void setAside(ServiceInstance instance) {
        setAside.add(instance);
    }

    void takeBack(ServiceInstance instance) {
        setAside.remove(instance);
    }

    private void check() {
        Instant now = Instant.now();
        for (ServiceInstance instance : instances) {
            if (setAside.contains(instance) || instance.isAlive()) {
                continue;
            }
            Restart last = restarts.get(instance);
            int inARow = last == null || last.at().plus(STABLE_AFTER).isBefore(now) ? 0 : last.inARow() + 1;
            Duration backoff = backoff(inARow);
            if (last != null && last.at().plus(backoff).isAfter(now)) {
                continue;
            }
            try {
                report.accept(instance.name() + " exited (code " + instance.exitCode() + "); starting it again"
                        + (inARow > 0 ? " (died again within " + STABLE_AFTER.toSeconds() + " s: waited "
                                + backoff.toSeconds() + " s)" : "") + ", log: " + instance.log());
                instance.start();
                restarts.put(instance, new Restart(now, inARow));
            } catch (RuntimeException e) {
                report.accept("could not start " + instance.name() + " again: " + e.getMessage());
            }
        }
    }

    private static Duration backoff(int inARow) {
        Duration backoff = Duration.ofSeconds(1L << Math.min(inARow, 5));
        return backoff.compareTo(LONGEST_BACKOFF) > 0 ? LONGEST_BACKOFF : backoff;
    }

    @Override
    public void close() {
        checks.shutdownNow();
        try {
            checks.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
