package org.petitionpipeline.reporting.webhooks.service;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When a failed delivery is tried again: exponential backoff from the first delay, doubled per attempt up to the
 * longest, each wait jittered to between half and all of it (so the deliveries of an endpoint that was down do not all
 * come back at the same moment), and no attempt later than {@code retryFor} after the first.
 */
public final class RetryPolicy {

    private final Duration firstDelay;
    private final Duration maxDelay;
    private final Duration retryFor;
    private final DoubleSupplier random;

    /** @param random numbers in [0, 1) for the jitter */
    public RetryPolicy(Duration firstDelay, Duration maxDelay, Duration retryFor, DoubleSupplier random) {
        this.firstDelay = firstDelay;
        this.maxDelay = maxDelay;
        this.retryFor = retryFor;
        this.random = random;
    }

    /**
     * Timeouts, refused connections, 5xx, 408 (the receiver timed out) and 429 (it asks us to slow down) may pass;
     * any other answer will be the same next time: a final failure.
     */
    public static boolean retryable(int status) {
        return status >= 500 || status == 408 || status == 429;
    }

    /** The next attempt after the {@code attempts}-th failed at {@code now}; empty when the retries are over. */
    public Optional<Instant> nextAttempt(int attempts, Instant firstAttempt, Instant now) {
        Instant last = firstAttempt.plus(retryFor);
        if (!now.isBefore(last)) {
            return Optional.empty();
        }
        long doublings = Math.min(attempts - 1, 40);
        long delayMillis = Math.min(maxDelay.toMillis(), firstDelay.toMillis() * (1L << Math.min(doublings, 30)));
        long jittered = Math.round(delayMillis * (0.5 + random.getAsDouble() / 2));
        Instant next = now.plusMillis(jittered);
        return Optional.of(next.isAfter(last) ? last : next);
    }
}
