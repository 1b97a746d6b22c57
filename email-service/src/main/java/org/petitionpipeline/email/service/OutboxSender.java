package org.petitionpipeline.email.service;

import io.quarkus.logging.Log;
import io.quarkus.mailer.Mailer;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.petitionpipeline.contracts.SubscriptionStatus;
import org.petitionpipeline.email.config.EmailConfig;
import org.petitionpipeline.email.repository.OutboxMail;
import org.petitionpipeline.email.repository.OutboxRepository;
import org.petitionpipeline.email.repository.OutboxStatus;

/**
 * Drains the outbox over SMTP. Each message is marked sent right after the server took it, so a crash can
 * resend at most the one message in flight; a claim left by a dead instance is taken over after a while.
 */
@ApplicationScoped
public class OutboxSender {

    private static final Duration STALE_CLAIM = Duration.ofMinutes(2);
    private static final int MAX_ATTEMPTS = 5;
    private static final Set<SubscriptionStatus> SUPPRESSED =
            EnumSet.of(SubscriptionStatus.BOUNCING, SubscriptionStatus.SPAM_COMPLAINT);

    private final OutboxRepository outbox;
    private final ReceiptComposer receipts;
    private final Mailer mailer;
    private final EmailConfig config;

    public OutboxSender(OutboxRepository outbox, ReceiptComposer receipts, Mailer mailer, EmailConfig config) {
        this.outbox = outbox;
        this.receipts = receipts;
        this.mailer = mailer;
        this.config = config;
    }

    @Scheduled(every = "${email.send-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void drain() {
        List<OutboxMail> due;
        do {
            due = outbox.claim(config.sendBatchSize(), STALE_CLAIM);
            due.forEach(this::send);
        } while (due.size() == config.sendBatchSize());
    }

    private void send(OutboxMail mail) {
        if (SUPPRESSED.contains(mail.recipientStatus())) {
            outbox.finish(mail, OutboxStatus.SKIPPED, "recipient is " + mail.recipientStatus());
            return;
        }
        try {
            mailer.send(receipts.compose(mail));
            outbox.finish(mail, OutboxStatus.SENT, null);
        } catch (RuntimeException smtpFailure) {
            boolean giveUp = mail.attempts() >= MAX_ATTEMPTS;
            Log.warnf("mail %s to %s failed (attempt %d%s): %s", mail.kind(), mail.emailHash(), mail.attempts(),
                    giveUp ? ", giving up" : "", smtpFailure.getMessage());
            outbox.finish(mail, giveUp ? OutboxStatus.FAILED : OutboxStatus.PENDING, smtpFailure.getMessage());
        }
    }
}
