package org.petitionpipeline.email.repository;

public enum OutboxStatus {
    PENDING,
    SENDING,
    SENT,
    /** Not sent on purpose: the recipient bounces or complained. */
    SKIPPED,
    /** Given up after repeated SMTP failures. */
    FAILED
}
