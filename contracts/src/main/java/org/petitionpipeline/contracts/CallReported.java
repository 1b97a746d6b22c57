package org.petitionpipeline.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Topic {@link Topics#CALLS_REPORTED}, key = petition slug: a signer called one of the petition's targets and told
 * us who and how it went. {@code reportId} is the signer's idempotency key, so a retried report counts once;
 * {@code submissionId} links it to the signature given just before, when there was one. {@code region} is where
 * the caller lives (ISO 3166-2, e.g. {@code US-NY}) as the answer to that signature told the embed, null when it
 * could not tell and in reports written before regions were reported; like the rest of a report, the caller's word.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CallReported(
        int schemaVersion,
        UUID reportId,
        String petitionSlug,
        UUID submissionId,
        String targetName,
        CallOutcome outcome,
        RequestFacts request,
        String region) implements Event {

    @Override
    public Optional<String> defect() {
        return Event.defectOf(this, "report_id", reportId, "petition_slug", petitionSlug, "target_name",
                targetName, "outcome", outcome, "request", request);
    }

    public String key() {
        return petitionSlug;
    }

    public Instant reportedAt() {
        return request.receivedAt();
    }
}
