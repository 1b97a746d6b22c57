package org.petitionpipeline.email.repository;

public enum OutboxStatus {
    PENDING,
    SENDING,
    SENT,
    /** Not sent on purpose: the recipient was on the suppression list when its turn came. */
    SKIPPED,
    /** Given up after repeated SMTP failures. */
    FAILED
}
