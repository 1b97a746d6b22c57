package org.petitionpipeline.email.mailings.repository;

import java.util.Optional;
import org.petitionpipeline.contracts.SubscriptionStatus;

/**
 * A recipient marked as being sent to, with their address, their status and their language (of their latest
 * signature; null from before languages) read in the same statement.
 */
public record MailingRecipient(String emailHash, String email, Optional<SubscriptionStatus> statusNow, int attempts,
        String language) {
}
