package org.petitionpipeline.email.mailings.service;

import io.quarkus.logging.Log;
import io.quarkus.mailer.Mail;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.petitionpipeline.email.config.EmailConfig;
import org.petitionpipeline.email.mail.ClaimHeartbeat;
import org.petitionpipeline.email.mail.EmailMetrics;
import org.petitionpipeline.email.mail.MailKind;
import org.petitionpipeline.email.mail.MailStatus;
import org.petitionpipeline.email.mail.SmtpGateway;
import org.petitionpipeline.email.mail.SmtpRetries;
import org.petitionpipeline.email.mailings.repository.Mailing;
import org.petitionpipeline.email.mailings.repository.MailingRecipient;
import org.petitionpipeline.email.mailings.repository.MailingRecipientRepository;
import org.petitionpipeline.email.mailings.repository.MailingRepository;
import org.petitionpipeline.email.suppression.SuppressionList;

/**
 * Sends organizer updates in the background, one mailing at a time per instance, at most
 * {@code email.mailing-rate} messages per second. All state is in PostgreSQL: an instance that starts (or
 * restarts after a crash) goes on with any unfinished mailing whose lease is free or has run out.
 */
@ApplicationScoped
public class MailingWorker {

    /** The scheduled job's identity, to pause and resume it. */
    public static final String JOB = "mailing-worker";

    private static final int BATCH = 200;

    // STOPPED: an SMTP failure or a shutdown ended the round; the lease goes back for the next one
    private enum Outcome { DONE, STOPPED, LEASE_LOST }

    private final MailingRepository mailings;
    private final MailingRecipientRepository recipients;
    private final UpdateComposer composer;
    private final SmtpGateway smtp;
    private final EmailMetrics metrics;
    private final EmailConfig config;
    private final ClaimHeartbeat heartbeat;
    // a dead worker's mailing waits this long for a new worker; a live one's lease is kept by the heartbeat
    private final Duration lease;
    private volatile boolean stopping;

    public MailingWorker(MailingRepository mailings, MailingRecipientRepository recipients, UpdateComposer composer,
            SmtpGateway smtp, EmailMetrics metrics, EmailConfig config, ClaimHeartbeat heartbeat) {
        this.mailings = mailings;
        this.recipients = recipients;
        this.composer = composer;
        this.smtp = smtp;
        this.metrics = metrics;
        this.config = config;
        this.heartbeat = heartbeat;
        this.lease = heartbeat.lifetime();
    }

    @Scheduled(identity = JOB, every = "${email.send-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sendNextMailing() {
        // a new owner for every lease: a worker that lost one cannot act on the next under the old name
        UUID owner = UUID.randomUUID();
        Optional<Mailing> leased = mailings.leaseNext(owner, lease);
        if (leased.isEmpty()) {
            return;
        }
        Mailing mailing = leased.get();
        setAsideInterruptedHandOvers(mailing);
        Outcome outcome;
        // a lease lost all the same (taken for dead in a long pause) is found by the next step: each checks the lease
        try (ClaimHeartbeat.Kept alive = heartbeat.keep(() -> mailings.renewLease(mailing.id(), owner, lease))) {
            outcome = sendDue(mailing, owner);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcome = Outcome.STOPPED;
        }
        if (outcome == Outcome.LEASE_LOST) {
            Log.warnf("mailing %s: lease lost, another worker goes on with it", mailing.id());
        } else if (outcome == Outcome.DONE && mailings.finishIfDone(mailing.id(), owner)) {
            Log.infof("mailing %s finished", mailing.id());
        } else {
            mailings.releaseLease(mailing.id(), owner);
        }
    }

    /** On shutdown the worker stops after the message in hand and gives its lease back for another instance. */
    void stop(@Observes ShutdownEvent shutdown) {
        stopping = true;
    }

    private void setAsideInterruptedHandOvers(Mailing mailing) {
        int setAside = recipients.setAsideHandedOver(mailing.id());
        if (setAside > 0) {
            Log.warnf("mailing %s: %d message(s) caught in the hand-over to SMTP by a worker that stopped, set aside"
                    + " as UNCERTAIN, not sent again", mailing.id(), setAside);
            metrics.uncertain(setAside);
        }
    }

    private Outcome sendDue(Mailing mailing, UUID owner) throws InterruptedException {
        Pace pace = new Pace(config.mailingRate());
        List<String> due;
        do {
            due = recipients.due(mailing.id(), BATCH);
            for (String emailHash : due) {
                if (stopping) {
                    return Outcome.STOPPED;
                }
                pace.awaitTurn();
                Outcome outcome = sendTo(mailing, emailHash, owner);
                if (outcome != Outcome.DONE) {
                    return outcome;
                }
            }
        } while (due.size() == BATCH);
        return Outcome.DONE;
    }

    /**
     * The recipient's status is read as they are marked SENDING, just before the message goes out: someone
     * who unsubscribed while the mailing ran is skipped.
     */
    private Outcome sendTo(Mailing mailing, String emailHash, UUID owner) {
        Optional<MailingRecipient> marked = recipients.markSending(mailing.id(), emailHash, owner);
        if (marked.isEmpty()) {
            // with the lease still ours, the recipient is no longer due: an erasure set them aside since they were read
            return mailings.renewLease(mailing.id(), owner, lease) ? Outcome.DONE : Outcome.LEASE_LOST;
        }
        MailingRecipient recipient = marked.get();
        if (SuppressionList.suppresses(recipient.statusNow(), MailKind.ORGANIZER_UPDATE)) {
            recipients.finish(mailing.id(), emailHash, MailStatus.SKIPPED, "recipient is " + recipient.statusNow().get());
            metrics.skipped(MailKind.ORGANIZER_UPDATE, recipient.statusNow().get());
            return Outcome.DONE;
        }
        Mail message = composer.compose(mailing, recipient);
        if (!recipients.handOver(mailing.id(), emailHash, owner)) {
            return Outcome.LEASE_LOST;
        }
        try {
            smtp.send(message);
        } catch (RuntimeException smtpFailure) {
            recordFailure(mailing, recipient, smtpFailure);
            return Outcome.STOPPED;
        }
        recipients.finish(mailing.id(), emailHash, MailStatus.SENT, null);
        metrics.sent(MailKind.ORGANIZER_UPDATE);
        return Outcome.DONE;
    }

    /**
     * The failing recipient waits out a backoff of its own while the mailing goes on with the others from the
     * next round: one bad address must not hold up everyone, and an SMTP outage costs one attempt per round.
     */
    private void recordFailure(Mailing mailing, MailingRecipient recipient, RuntimeException smtpFailure) {
        int attempts = recipient.attempts() + 1;
        String error = SmtpRetries.withoutAddresses(smtpFailure);
        if (attempts >= SmtpRetries.MAX_ATTEMPTS) {
            Log.warnf("mailing %s to %s failed %d times, giving up: %s", mailing.id(), recipient.emailHash(),
                    attempts, error);
            recipients.finish(mailing.id(), recipient.emailHash(), MailStatus.FAILED, error);
        } else {
            Duration wait = SmtpRetries.backoff(attempts);
            Log.warnf("mailing %s to %s failed (attempt %d), next try in %s: %s", mailing.id(), recipient.emailHash(),
                    attempts, wait, error);
            recipients.retryLater(mailing.id(), recipient.emailHash(), error, Instant.now().plus(wait));
        }
    }
}
