package org.petitionpipeline.email.optin;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;
import org.petitionpipeline.email.config.EmailConfig;

/**
 * Double opt-in after the request: a signer's confirmation (recorded with the event that announces it) and the
 * reminders to those who have not confirmed yet.
 */
@ApplicationScoped
public class ConfirmationService {

    private static final int REMINDER_BATCH = 500;

    private final ConfirmationRepository confirmations;
    private final EmailConfig config;

    public ConfirmationService(ConfirmationRepository confirmations, EmailConfig config) {
        this.confirmations = confirmations;
        this.config = config;
    }

    /** Idempotent: confirming again changes and announces nothing. */
    @Transactional
    public ConfirmationRepository.Result confirm(UUID signatureId) {
        return confirmations.confirm(signatureId);
    }

    /** Any instance may run this: each due reminder is claimed by one of them and queued once. */
    @Scheduled(every = "${email.send-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void queueDueReminders() {
        int queued;
        do {
            queued = confirmations.queueDueReminders(REMINDER_BATCH, config.confirmationReminders(),
                    config.confirmationReminderDelay());
        } while (queued == REMINDER_BATCH);
    }
}
