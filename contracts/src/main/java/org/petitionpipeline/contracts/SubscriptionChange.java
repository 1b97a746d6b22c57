package org.petitionpipeline.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.Optional;

/** Topic {@link Topics#SUBSCRIPTIONS}, key = email hash: a change of a person's email status. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SubscriptionChange(
        int schemaVersion,
        String emailHash,
        SubscriptionStatus status,
        String source,
        Instant changedAt) implements Event {

    @Override
    public Optional<String> defect() {
        return Event.defectOf(this, "email_hash", emailHash, "status", status, "changed_at", changedAt);
    }
}
