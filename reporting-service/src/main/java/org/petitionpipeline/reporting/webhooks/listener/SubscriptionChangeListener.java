package org.petitionpipeline.reporting.webhooks.listener;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.petitionpipeline.contracts.SubscriptionChange;
import org.petitionpipeline.kit.kafka.DeadLetterChannel;
import org.petitionpipeline.reporting.webhooks.service.SubscriptionWebhooks;

/**
 * Email-service's changes of a person's email status, a poll batch per transaction, as person.unsubscribed and
 * person.bounced webhooks; a replay queues nothing twice. A defective change goes to {@code subscriptions.dlq}.
 */
@ApplicationScoped
public class SubscriptionChangeListener {

    private final SubscriptionWebhooks webhooks;
    private final DeadLetterChannel deadLetters;

    public SubscriptionChangeListener(SubscriptionWebhooks webhooks, DeadLetterChannel deadLetters) {
        this.webhooks = webhooks;
        this.deadLetters = deadLetters;
    }

    @Incoming("subscriptions")
    @Blocking
    public void queue(ConsumerRecords<String, SubscriptionChange> records) {
        deadLetters.process(records, webhooks::queue);
    }
}
