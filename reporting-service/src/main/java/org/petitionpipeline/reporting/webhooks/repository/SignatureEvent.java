package org.petitionpipeline.reporting.webhooks.repository;

import java.time.Instant;
import java.util.UUID;

/** What a signature event tells the webhook outbox: which signature, whose (petition and email hash), and when. */
public record SignatureEvent(UUID signatureId, String petitionSlug, String emailHash, Instant occurredAt) {
}
