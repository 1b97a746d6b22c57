package org.petitionpipeline.email.repository;

import org.petitionpipeline.contracts.SubscriptionChange;

public record PendingSubscriptionEvent(long id, SubscriptionChange change) {
}
