package org.petitionpipeline.email.repository;

import org.petitionpipeline.contracts.SubscriptionStatus;

/** A message claimed for sending, with what its template needs and the recipient's status at claim time. */
public record OutboxMail(
        MailKind kind,
        String emailHash,
        String reference,
        String recipient,
        String givenName,
        String petitionTitle,
        SubscriptionStatus recipientStatus,
        int attempts) {
}
