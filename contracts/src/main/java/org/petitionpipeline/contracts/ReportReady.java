package org.petitionpipeline.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Topic {@link Topics#REPORTS_READY}, key = petition slug: a delivery report for the petition's organizers, made
 * when a milestone was reached; email-service mails it to {@code recipients}. {@code downloadUrl} lets them fetch
 * the report without an admin token until it expires; {@code csvSha256} is the manifest's digest, so the mail
 * itself tells the target what to verify against. At-least-once: email acts on each {@code reportId} once.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ReportReady(
        int schemaVersion,
        UUID reportId,
        String petitionSlug,
        String petitionTitle,
        long milestone,
        long total,
        long verified,
        List<String> recipients,
        String downloadUrl,
        String csvSha256,
        Instant generatedAt) implements Event {

    public ReportReady {
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
    }

    @Override
    public Optional<String> defect() {
        return Event.defectOf(this, "report_id", reportId, "petition_slug", petitionSlug, "petition_title",
                petitionTitle, "download_url", downloadUrl, "generated_at", generatedAt);
    }

    public String key() {
        return petitionSlug;
    }
}
