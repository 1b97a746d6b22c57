package org.petitionpipeline.email.privacy.access;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A person's whole export: every service's part, each a list of records (field to value, with a {@code kind}). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AccessExport(UUID requestId, Instant requestedAt, Instant completedAt,
        List<AccessRequests.Part> services) {
}
