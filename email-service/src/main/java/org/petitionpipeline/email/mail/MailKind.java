package org.petitionpipeline.email.mail;

/** What a message is; with the recipient and a reference it identifies one message, sent at most once. */
public enum MailKind {
    /** Thanks for signing; reference = signature id. */
    SIGNATURE_RECEIPT(true),
    /** Thanks for signing and asks to confirm the address (double opt-in); reference = signature id. */
    SIGNATURE_CONFIRMATION(true),
    /** Asks again to confirm; reference = signature id, a colon and the reminder's number. */
    CONFIRMATION_REMINDER(false),
    /** An organizer's update to a petition's subscribers; reference = mailing id and email hash. */
    ORGANIZER_UPDATE(false),
    /** A petition's delivery report to one of its organizers; reference = report id. */
    PETITION_REPORT(true),
    /**
     * The link that confirms a person's request to erase their data, to the address they typed; reference = the hour
     * it was asked in, so that asking again and again mails at most once an hour.
     */
    ERASURE_CONFIRMATION(true),
    /** The link to a person's export of their data, to the address they typed; reference = the hour, as above. */
    ACCESS_LINK(true),
    /** One of an organization's webhook endpoints was disabled, to each of its owners; reference = notice id. */
    WEBHOOK_DISABLED(true);

    private final boolean transactional;

    MailKind(boolean transactional) {
        this.transactional = transactional;
    }

    /**
     * Mail about something the recipient just did or is owed (their signature, their petition's report), not campaign
     * mail: an unsubscribe from campaign mail does not stop it, an undeliverable address still does.
     */
    public boolean isTransactional() {
        return transactional;
    }
}
