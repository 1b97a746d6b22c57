package org.petitionpipeline.contracts;

/** A person's email status, after OSDI's email_addresses[].status. */
public enum SubscriptionStatus {
    SUBSCRIBED,
    UNSUBSCRIBED,
    BOUNCING,
    SPAM_COMPLAINT
}
