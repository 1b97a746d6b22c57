package org.petitionpipeline.intake.service;

import java.util.UUID;

/**
 * A signature Kafka holds: its submission id, and the signer's region (ISO 3166-2, e.g. {@code US-NY}) when the
 * postal code tells it, else null. The embed needs the region at once to put the signer's own representatives
 * first; dedup derives the same region for the record of truth. {@code language}: the petition language the
 * signer signed in, so the plain form's thank-you page stays in it.
 */
public record Submission(UUID submissionId, String region, String language) {
}
