package org.petitionpipeline.email.mailings.service;

import java.util.concurrent.TimeUnit;

/**
 * Spaces sends evenly at a given rate. A sender that falls behind (a slow SMTP reply) does not catch up in a
 * burst afterwards: relays count per second, and a burst is what they throttle or refuse.
 */
final class Pace {

    private final long intervalNanos;
    private long nextTurn = System.nanoTime();

    Pace(double perSecond) {
        if (!(perSecond > 0)) {
            throw new IllegalArgumentException("email.mailing-rate must be above 0, not " + perSecond);
        }
        this.intervalNanos = (long) (TimeUnit.SECONDS.toNanos(1) / perSecond);
    }

    /** Returns when the next send may start. */
    void awaitTurn() throws InterruptedException {
        long now = System.nanoTime();
        if (nextTurn > now) {
            TimeUnit.NANOSECONDS.sleep(nextTurn - now);
            now = nextTurn;
        }
        nextTurn = now + intervalNanos;
    }
}
