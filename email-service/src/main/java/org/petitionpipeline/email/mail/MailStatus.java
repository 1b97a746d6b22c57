package org.petitionpipeline.email.mail;

public enum MailStatus {
    PENDING,
    SENDING,
    SENT,
    /**
     * Not sent on purpose: the recipient was on the suppression list when its turn came, or their data was erased
     * before it.
     */
    SKIPPED,
    /** Given up after repeated SMTP failures. */
    FAILED,
    /**
     * Its sender died while handing it to the SMTP server, which may or may not have taken it. Not sent again:
     * a receipt missing now and then is better than one mailed twice.
     */
    UNCERTAIN
}
