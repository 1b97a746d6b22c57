package org.petitionpipeline.email.repository;

import java.util.UUID;
import org.petitionpipeline.contracts.SubscriptionStatus;

/**
 * A message claimed for sending, with what its template needs, the recipient's status at claim time, the
 * failed attempts so far and the token of the claim.
 */
public record OutboxMail(
        MailKind kind,
        String emailHash,
        String reference,
        String recipient,
        String givenName,
        String petitionTitle,
        SubscriptionStatus recipientStatus,
        int attempts,
        UUID claimToken) {
}
