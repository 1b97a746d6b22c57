package org.petitionpipeline.kit.kafka;

import java.time.Duration;
import org.petitionpipeline.kit.Outages;

/**
 * A consumer's batch that failed because the database or the broker is away, or because PostgreSQL aborted it
 * in a deadlock with another instance, is tried again, with growing pauses, instead of failing the channel
 * (which stops consumption until a restart). Safe because every consumer's effect is idempotent: a batch half
 * done before the failure is done again, not twice. A failure that is not transient ({@link Outages}), or one
 * that outlasts {@code giveUpAfter}, is thrown as before.
 */
public final class TransientFailures {

    private static final System.Logger LOG = System.getLogger(TransientFailures.class.getName());
    private static final Duration FIRST_PAUSE = Duration.ofMillis(500);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(30);

    private TransientFailures() {
    }

    public static void retry(Runnable batch, Duration giveUpAfter) {
        long deadline = System.nanoTime() + giveUpAfter.toNanos();
        Duration pause = FIRST_PAUSE;
        while (true) {
            try {
                batch.run();
                return;
            } catch (RuntimeException failure) {
                if (!Outages.isTransient(failure) || System.nanoTime() + pause.toNanos() > deadline) {
                    throw failure;
                }
                LOG.log(System.Logger.Level.WARNING, "a dependency is away or the database aborted a conflict ("
                        + failure.getMessage() + "); the batch is tried again in " + pause.toMillis() + " ms");
                pauseFor(pause);
                pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
            }
        }
    }

    private static void pauseFor(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to try a batch again", e);
        }
    }
}
