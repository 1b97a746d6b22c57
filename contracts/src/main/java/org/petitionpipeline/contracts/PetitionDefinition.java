package org.petitionpipeline.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Topic {@link Topics#PETITIONS} (compacted), key = slug: the current definition of a petition, owned by
 * reporting-service. Every other service builds its view of the catalog by reading this topic from the start.
 * {@code allowedOrigins} lists the web origins (e.g. {@code https://news.example}) whose pages may embed the
 * signing form; empty means the pipeline-wide allowlist applies. {@code householdSignatures} is the UK
 * Parliament's rule for people who share an address: one email may sign once per person, when the names differ
 * and the postal code is the same.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PetitionDefinition(
        int schemaVersion,
        String slug,
        String title,
        String text,
        List<PetitionTarget> targets,
        long goal,
        PetitionStatus status,
        String consentText,
        String consentTextVersion,
        List<SignerField> requiredFields,
        List<String> allowedOrigins,
        boolean householdSignatures,
        Instant updatedAt) implements Event {

    /** Definitions written before a list existed read as an empty list, never null. */
    public PetitionDefinition {
        requiredFields = requiredFields == null ? List.of() : List.copyOf(requiredFields);
        allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
    }

    @Override
    public Optional<String> defect() {
        return Event.defectOf(this, "slug", slug, "title", title, "status", status);
    }

    public boolean isOpen() {
        return status == PetitionStatus.OPEN;
    }
}
