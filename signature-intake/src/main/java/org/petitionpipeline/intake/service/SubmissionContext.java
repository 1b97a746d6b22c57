package org.petitionpipeline.intake.service;

import org.petitionpipeline.contracts.RequestFacts;

/**
 * What the HTTP request tells about a signature besides its body: the facts kept as evidence, the page
 * origin that embeds the form, and the client's idempotency key from the header (may be null).
 */
public record SubmissionContext(RequestFacts facts, String origin, String idempotencyKey) {
}
