package org.petitionpipeline.email.mailings.repository;

public enum MailingStatus {
    /** Posted; no worker has started it yet. */
    QUEUED,
    /** A worker has started it; some recipients are still due. */
    SENDING,
    /** Every recipient is sent, skipped or failed. */
    FINISHED
}
