package org.petitionpipeline.email.mailqueue;

import io.quarkus.logging.Log;
import io.quarkus.mailer.Mail;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.petitionpipeline.contracts.SubscriptionStatus;
import org.petitionpipeline.email.config.EmailConfig;
import org.petitionpipeline.email.mail.ClaimHeartbeat;
import org.petitionpipeline.email.mail.EmailMetrics;
import org.petitionpipeline.email.mail.MailKind;
import org.petitionpipeline.email.mail.MailStatus;
import org.petitionpipeline.email.mail.SmtpGateway;
import org.petitionpipeline.email.mail.SmtpRetries;
import org.petitionpipeline.email.optin.ConfirmationComposer;
import org.petitionpipeline.email.privacy.ErasureMailComposer;
import org.petitionpipeline.email.privacy.access.AccessMailComposer;
import org.petitionpipeline.email.receipts.ReceiptComposer;
import org.petitionpipeline.email.reports.PetitionReportComposer;
import org.petitionpipeline.email.suppression.SuppressionList;
import org.petitionpipeline.kit.tracing.ResumedTraces;

/**
 * Drains the mail queue over SMTP, each message at most once: the start of its hand-over to the SMTP server is recorded
 * before the conversation, and one whose sender died after that point is set aside as uncertain rather than sent
 * again by whoever takes the stale claim over (the server may already have taken it). A failed send
 * backs off exponentially and ends the round: when the SMTP server is down, the whole queue waits for it
 * rather than burning through its attempts in seconds.
 */
@ApplicationScoped
public class MailQueueSender {

    private final MailQueue mailQueue;
    private final SuppressionList suppressionList;
    private final ReceiptComposer receipts;
    private final ConfirmationComposer confirmations;
    private final PetitionReportComposer reports;
    private final ErasureMailComposer erasures;
    private final AccessMailComposer exports;
    private final SmtpGateway smtp;
    private final EmailMetrics metrics;
    private final EmailConfig config;
    private final ResumedTraces traces;
    private final ClaimHeartbeat heartbeat;

    public MailQueueSender(MailQueue mailQueue, SuppressionList suppressionList, ReceiptComposer receipts,
            ConfirmationComposer confirmations, PetitionReportComposer reports, ErasureMailComposer erasures,
            AccessMailComposer exports, SmtpGateway smtp, EmailMetrics metrics, EmailConfig config,
            ResumedTraces traces, ClaimHeartbeat heartbeat) {
        this.mailQueue = mailQueue;
        this.suppressionList = suppressionList;
        this.receipts = receipts;
        this.confirmations = confirmations;
        this.reports = reports;
        this.erasures = erasures;
        this.exports = exports;
        this.smtp = smtp;
        this.metrics = metrics;
        this.config = config;
        this.traces = traces;
        this.heartbeat = heartbeat;
    }

    @Scheduled(every = "${email.send-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void drain() {
        int uncertain = mailQueue.setAsideInterruptedHandOvers(heartbeat.lifetime());
        if (uncertain > 0) {
            Log.warnf("%d message(s) whose sender stopped during the SMTP hand-over are not sent again", uncertain);
            metrics.uncertain(uncertain);
        }
        List<QueuedMail> due;
        do {
            UUID claim = UUID.randomUUID();
            due = mailQueue.claim(config.sendBatchSize(), heartbeat.lifetime(), claim);
            // renewed beside the sends, not between them: one send may take longer than the claim lasts
            try (ClaimHeartbeat.Kept alive = heartbeat.keep(() -> mailQueue.renewClaim(claim))) {
                for (QueuedMail mail : due) {
                    if (!traces.inSpan(spanName(mail.kind()), mail.traceparent(), () -> send(mail))) {
                        mailQueue.releaseUnsent(claim);
                        return;
                    }
                }
            }
        } while (due.size() == config.sendBatchSize());
    }

    /**
     * False when the SMTP server failed: the rest of the round waits. The suppression list is read here, per
     * message, so someone who unsubscribed (from what is not transactional), bounced or complained after the
     * message was queued (or claimed) gets nothing.
     */
    private boolean send(QueuedMail mail) {
        Optional<SubscriptionStatus> status = suppressionList.statusNow(mail.emailHash());
        if (SuppressionList.suppresses(status, mail.kind())) {
            mailQueue.finish(mail, MailStatus.SKIPPED, "recipient is " + status.get());
            metrics.skipped(mail.kind(), status.get());
            return true;
        }
        if (!mailQueue.handOver(mail)) {
            return true;
        }
        try {
            smtp.send(compose(mail, status));
        } catch (RuntimeException smtpFailure) {
            recordFailure(mail, smtpFailure);
            return false;
        }
        mailQueue.finish(mail, MailStatus.SENT, null);
        metrics.sent(mail.kind());
        return true;
    }

    /** "send signature receipt": the kind, never the recipient, who is personal data. */
    private static String spanName(MailKind kind) {
        return "send " + kind.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private Mail compose(QueuedMail mail, Optional<SubscriptionStatus> status) {
        return switch (mail.kind()) {
            case SIGNATURE_RECEIPT -> receipts.compose(mail, status);
            case SIGNATURE_CONFIRMATION, CONFIRMATION_REMINDER -> confirmations.compose(mail, status);
            case PETITION_REPORT -> reports.compose(mail);
            case ERASURE_CONFIRMATION -> erasures.compose(mail);
            case ACCESS_LINK -> exports.compose(mail);
            case ORGANIZER_UPDATE -> throw new IllegalStateException("organizer updates are sent by the mailing worker");
        };
    }

    private void recordFailure(QueuedMail mail, RuntimeException smtpFailure) {
        int attempts = mail.attempts() + 1;
        String error = SmtpRetries.withoutAddresses(smtpFailure);
        if (attempts >= SmtpRetries.MAX_ATTEMPTS) {
            Log.warnf("mail %s to %s failed %d times, giving up: %s", mail.kind(), mail.emailHash(), attempts, error);
            mailQueue.finish(mail, MailStatus.FAILED, error);
        } else {
            Duration wait = SmtpRetries.backoff(attempts);
            Log.warnf("mail %s to %s failed (attempt %d), next try in %s: %s", mail.kind(), mail.emailHash(),
                    attempts, wait, error);
            mailQueue.retryLater(mail, error, Instant.now().plus(wait));
        }
    }
}
