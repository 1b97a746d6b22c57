package org.petitionpipeline.email.repository;

/** What a message is; with the recipient and a reference it identifies one message, sent at most once. */
public enum MailKind {
    /** Thanks for signing; reference = signature id. */
    SIGNATURE_RECEIPT,
    /** An organizer's update to a petition's subscribers; reference = mailing id and email hash. */
    ORGANIZER_UPDATE
}
