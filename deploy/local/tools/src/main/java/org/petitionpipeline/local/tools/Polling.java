package org.petitionpipeline.local.tools;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/** Waiting for a condition the pipeline reaches by itself, asked again every {@link #INTERVAL} until a deadline. */
public final class Polling {

    private static final Duration INTERVAL = Duration.ofMillis(200);

    private Polling() {
    }

    /** True once {@code condition} holds; false if it did not within {@code timeout}. */
    public static boolean until(Callable<Boolean> condition, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.call()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            TimeUnit.MILLISECONDS.sleep(INTERVAL.toMillis());
        }
        return true;
    }
}
