package org.petitionpipeline.email.mailqueue;

import io.quarkus.logging.Log;
import io.quarkus.mailer.Mail;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.petitionpipeline.email.config.EmailConfig;
import org.petitionpipeline.email.mail.ClaimHeartbeat;
import org.petitionpipeline.email.mail.EmailMetrics;
import org.petitionpipeline.email.mail.MailKind;
import org.petitionpipeline.email.mail.MailStatus;
import org.petitionpipeline.email.mail.SmtpGateway;
import org.petitionpipeline.email.mail.SmtpOutcome;
import org.petitionpipeline.email.mail.SmtpRetries;
import org.petitionpipeline.email.optin.ConfirmationComposer;
import org.petitionpipeline.email.privacy.ErasureMailComposer;
import org.petitionpipeline.email.privacy.access.AccessMailComposer;
import org.petitionpipeline.email.receipts.ReceiptComposer;
import org.petitionpipeline.email.reports.PetitionReportComposer;
import org.petitionpipeline.email.webhooks.WebhookDisabledComposer;
import org.petitionpipeline.email.suppression.SuppressionList;
import org.petitionpipeline.kit.tracing.ResumedTraces;

/**
 * Drains the mail queue over SMTP, each message at most once: the start of its hand-over to the SMTP server is recorded
 * before the conversation, and one whose sender died after that point is set aside as uncertain rather than sent
 * again by whoever takes the stale claim over (the server may already have taken it). A failed send
 * backs off exponentially and ends the round after its group: when the SMTP server is down, the whole queue waits
 * for it rather than burning through its attempts in seconds.
 * <p>
 * The database hears of a round in groups of {@code email.hand-over-group-size} messages: one statement marks a group
 * handed over, the group goes out over up to {@code email.smtp-connections} conversations at once, one statement
 * records those sent. That is what keeps PostgreSQL's share of a receipt small (three statements
 * per message before); its price is that a sender killed mid-group leaves the whole group uncertain, the messages it
 * had not yet started included, which are then never sent (never twice, possibly not at all).
 */
@ApplicationScoped
public class MailQueueSender {

    private final MailQueue mailQueue;
    private final ReceiptComposer receipts;
    private final ConfirmationComposer confirmations;
    private final PetitionReportComposer reports;
    private final ErasureMailComposer erasures;
    private final AccessMailComposer exports;
    private final WebhookDisabledComposer disabledWebhooks;
    private final SmtpGateway smtp;
    private final EmailMetrics metrics;
    private final EmailConfig config;
    private final ResumedTraces traces;
    private final ClaimHeartbeat heartbeat;

    public MailQueueSender(MailQueue mailQueue, ReceiptComposer receipts, ConfirmationComposer confirmations,
            PetitionReportComposer reports, ErasureMailComposer erasures, AccessMailComposer exports,
            WebhookDisabledComposer disabledWebhooks, SmtpGateway smtp, EmailMetrics metrics, EmailConfig config,
            ResumedTraces traces, ClaimHeartbeat heartbeat) {
        if (config.handOverGroupSize() < 1) {
            throw new IllegalArgumentException("email.hand-over-group-size must be at least 1, not "
                    + config.handOverGroupSize());
        }
        this.mailQueue = mailQueue;
        this.receipts = receipts;
        this.confirmations = confirmations;
        this.reports = reports;
        this.erasures = erasures;
        this.exports = exports;
        this.disabledWebhooks = disabledWebhooks;
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
                if (!sendRound(due)) {
                    mailQueue.releaseUnsent(claim);
                    return;
                }
            }
        } while (due.size() == config.sendBatchSize());
    }

    /**
     * False when the SMTP server failed: the rest of the round waits. Whoever unsubscribed (from what is not
     * transactional), bounced or complained after the message was queued gets nothing: the claim read their status.
     */
    private boolean sendRound(List<QueuedMail> due) {
        List<QueuedMail> toSend = new ArrayList<>();
        for (QueuedMail mail : due) {
            if (SuppressionList.suppresses(mail.statusNow(), mail.kind())) {
                mailQueue.finish(List.of(mail), MailStatus.SKIPPED, "recipient is " + mail.statusNow().get());
                metrics.skipped(mail.kind(), mail.statusNow().get());
            } else {
                toSend.add(mail);
            }
        }
        int groupSize = config.handOverGroupSize();
        for (int from = 0; from < toSend.size(); from += groupSize) {
            if (!sendGroup(toSend.subList(from, Math.min(from + groupSize, toSend.size())))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Composed before the hand-over is recorded, so a message that cannot be composed is never marked as handed over;
     * the group then goes out over several SMTP conversations at once. False when the SMTP server failed any of it.
     */
    private boolean sendGroup(List<QueuedMail> group) {
        Map<QueuedMail, Mail> composed = new LinkedHashMap<>();
        for (QueuedMail mail : group) {
            try {
                composed.put(mail, compose(mail));
            } catch (RuntimeException unusable) {
                recordFailure(mail, unusable);
            }
        }
        List<QueuedMail> handedOver = mailQueue.handOver(List.copyOf(composed.keySet()));
        List<ResumedTraces.Started> spans = handedOver.stream()
                .map(mail -> traces.start(spanName(mail.kind()), mail.traceparent())).toList();
        List<SmtpOutcome> outcomes = smtp.send(handedOver.stream().map(composed::get).toList());
        List<QueuedMail> sent = new ArrayList<>();
        boolean smtpAnswered = true;
        for (int i = 0; i < handedOver.size(); i++) {
            Optional<RuntimeException> failure = outcomes.get(i).failure();
            failure.ifPresent(spans.get(i)::failed);
            spans.get(i).end();
            if (failure.isPresent()) {
                recordFailure(handedOver.get(i), failure.get());
                smtpAnswered = false;
            } else {
                sent.add(handedOver.get(i));
            }
        }
        mailQueue.finish(sent, MailStatus.SENT, null);
        sent.forEach(mail -> metrics.sent(mail.kind()));
        return smtpAnswered;
    }

    /** "send signature receipt": the kind, never the recipient, who is personal data. */
    private static String spanName(MailKind kind) {
        return "send " + kind.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private Mail compose(QueuedMail mail) {
        return switch (mail.kind()) {
            case SIGNATURE_RECEIPT -> receipts.compose(mail, mail.statusNow());
            case SIGNATURE_CONFIRMATION, CONFIRMATION_REMINDER -> confirmations.compose(mail, mail.statusNow());
            case PETITION_REPORT -> reports.compose(mail);
            case ERASURE_CONFIRMATION -> erasures.compose(mail);
            case ACCESS_LINK -> exports.compose(mail);
            case WEBHOOK_DISABLED -> disabledWebhooks.compose(mail);
            case ORGANIZER_UPDATE -> throw new IllegalStateException("organizer updates are sent by the mailing worker");
        };
    }

    private void recordFailure(QueuedMail mail, RuntimeException smtpFailure) {
        int attempts = mail.attempts() + 1;
        String error = SmtpRetries.withoutAddresses(smtpFailure);
        if (attempts >= SmtpRetries.MAX_ATTEMPTS) {
            Log.warnf("mail %s to %s failed %d times, giving up: %s", mail.kind(), mail.emailHash(), attempts, error);
            mailQueue.finish(List.of(mail), MailStatus.FAILED, error);
        } else {
            Duration wait = SmtpRetries.backoff(attempts);
            Log.warnf("mail %s to %s failed (attempt %d), next try in %s: %s", mail.kind(), mail.emailHash(),
                    attempts, wait, error);
            mailQueue.retryLater(mail, error, Instant.now().plus(wait));
        }
    }
}
