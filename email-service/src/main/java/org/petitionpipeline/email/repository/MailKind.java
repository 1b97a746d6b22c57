package org.petitionpipeline.email.repository;

/** What a message is; with the recipient and a reference it identifies one message, sent at most once. */
public enum MailKind {
    /** Thanks for signing; reference = signature id. */
    SIGNATURE_RECEIPT
}
