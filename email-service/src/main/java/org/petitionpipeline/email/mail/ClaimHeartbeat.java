package org.petitionpipeline.email.mail;

import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.petitionpipeline.email.config.EmailConfig;

/**
 * Renews the claims this instance's senders hold (on queued mail, on a mailing) every third of
 * {@code email.claim-lifetime}, from a job of its own, for as long as the sender works under them.
 * <p>
 * Not on the sender's thread between messages: that thread is silent for as long as a message takes (the other
 * sender's conversation, then its own, each up to {@code email.smtp-timeout}, and the SQL around them), so a slow
 * SMTP server, a loaded database, or a longer timeout on one instance than on the others let a live sender's claim
 * go stale, and whoever took it over set the message in the sender's hands aside as UNCERTAIN while it was being
 * delivered. Renewed here, a claim goes stale only when its instance stopped (or paused for two thirds of the
 * lifetime), whatever the SMTP server does.
 */
@Startup // a lifetime the heartbeat cannot keep up with stops the service at start, not at its first send
@ApplicationScoped
public class ClaimHeartbeat {

    // the scheduler's finest step is 1 s, and a claim is renewed every third of its lifetime
    private static final Duration SHORTEST_LIFETIME = Duration.ofSeconds(3);

    private final Duration lifetime;
    private final Duration renewEvery;
    private final Set<Kept> kept = ConcurrentHashMap.newKeySet();

    public ClaimHeartbeat(EmailConfig config) {
        this.lifetime = config.claimLifetime();
        if (lifetime.compareTo(SHORTEST_LIFETIME) < 0) {
            throw new IllegalStateException("email.claim-lifetime (EMAIL_CLAIM_LIFETIME) is " + lifetime.toMillis()
                    + " ms: set it to 3s or more, as claims are renewed every third of it, at most once a second");
        }
        this.renewEvery = lifetime.dividedBy(3);
    }

    /** How long a claim may go without renewal before its holder is taken for dead and the claim taken over. */
    public Duration lifetime() {
        return lifetime;
    }

    /** Runs {@code renew} every third of the lifetime, starting a third from now, until the result is closed. */
    public Kept keep(Runnable renew) {
        Kept claim = new Kept(renew, Instant.now().plus(renewEvery));
        kept.add(claim);
        return claim;
    }

    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void renewDue() {
        renewDue(Instant.now());
    }

    void renewDue(Instant now) {
        for (Kept claim : kept) {
            claim.renewIfDue(now);
        }
    }

    /** One claim being kept alive. */
    public final class Kept implements AutoCloseable {

        private final Runnable renew;
        private Instant renewAt;

        private Kept(Runnable renew, Instant renewAt) {
            this.renew = renew;
            this.renewAt = renewAt;
        }

        private void renewIfDue(Instant now) {
            if (now.isBefore(renewAt)) {
                return;
            }
            try {
                renew.run();
                renewAt = now.plus(renewEvery);
            } catch (RuntimeException databaseFailure) {
                // tried again at the next tick: the claim has two thirds of its lifetime left to be renewed in
                Log.warnf("a claim on mail was not renewed, trying again in 1 s: %s", databaseFailure.getMessage());
            }
        }

        /**
         * Stops renewing. A renewal racing this close renews nothing: the statements renew only a claim still held
         * (a message not finished, a lease not given back).
         */
        @Override
        public void close() {
            kept.remove(this);
        }
    }
}
