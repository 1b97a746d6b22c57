package org.petitionpipeline.email.repository;

import java.util.UUID;

/**
 * A message claimed for sending, with what its template needs (a signer's name and petition title, or the
 * payload of mail to an organizer), the failed attempts so far and the token of the claim. The recipient's status is not here: the sender reads it at send time.
 */
public record OutboxMail(
        MailKind kind,
        String emailHash,
        String reference,
        String recipient,
        String givenName,
        String petitionTitle,
        String payload,
        int attempts,
        UUID claimToken) {
}
