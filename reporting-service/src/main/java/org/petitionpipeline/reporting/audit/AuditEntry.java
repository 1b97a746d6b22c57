package org.petitionpipeline.reporting.audit;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One entry of the audit log as read back. {@code action} is the stored label rather than an {@link AuditAction}:
 * the log outlives the code, and an entry of an action since retired must still read; the actions of other services
 * ({@code service}, e.g. {@code email-service}) are none of its. {@code actorAccount} is null for a deployment's token,
 * {@code detail} empty when the entry has none.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AuditEntry(long id, Instant at, String service, UUID actorAccount, String actorLabel, String organization, String action,
        String target, AuditOutcome outcome, Map<String, String> detail, String clientAddress) {
}
