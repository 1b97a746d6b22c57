package org.petitionpipeline.email.mailqueue;

import java.util.Optional;
import java.util.UUID;
import org.petitionpipeline.contracts.SubscriptionStatus;
import org.petitionpipeline.email.mail.MailKind;

/**
 * A message claimed for sending, with what its template needs (a signer's name and petition title, or the
 * payload of mail to an organizer), the failed attempts so far, the token of the claim and the trace context it was
 * queued in (null when not traced), and the recipient's subscription status as the claim read it (empty for
 * someone who never opted in): read at the start of the send round, not trusted from when the message was queued. Its
 * {@code language} is the one it is written in (null: the default).
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
        String traceparent,
        Optional<SubscriptionStatus> statusNow,
        String language) {
}
