package org.petitionpipeline.reporting.audit;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/** Entries newest first; {@code nextBefore} is the {@code before} of the next (older) page, null on the last. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AuditPage(List<AuditEntry> events, Long nextBefore) {
}
