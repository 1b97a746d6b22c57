package org.petitionpipeline.email.mailqueue;

import java.util.UUID;
import org.petitionpipeline.email.mail.MailKind;

/**
 * A message claimed for sending, with what its template needs (a signer's name and petition title, or the
 * payload of mail to an organizer), the failed attempts so far, the token of the claim and the trace context it was
 * queued in (null when not traced). The recipient's status is not here: the sender reads it at send time.
 */
public record QueuedMail(
        MailKind kind,
        String emailHash,
        String reference,
        String recipient,
        String givenName,
        String petitionTitle,
        String payload,
        int attempts,
        UUID claimToken,
        String traceparent) {
}
