package org.petitionpipeline.email.webhooks;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.petitionpipeline.contracts.WebhookDisabled;
import org.petitionpipeline.kit.kafka.DeadLetterChannel;

/** Queues a mail to each owner of an organization whose webhook endpoint reporting disabled; the mail queue sends it. */
@ApplicationScoped
public class WebhookDisabledListener {

    private final WebhookDisabledMailing mailing;
    private final DeadLetterChannel deadLetters;

    public WebhookDisabledListener(WebhookDisabledMailing mailing, DeadLetterChannel deadLetters) {
        this.mailing = mailing;
        this.deadLetters = deadLetters;
    }

    @Incoming("webhooks-disabled")
    @Blocking
    public void onBatch(ConsumerRecords<String, WebhookDisabled> records) {
        deadLetters.process(records, mailing::enqueue);
    }
}
