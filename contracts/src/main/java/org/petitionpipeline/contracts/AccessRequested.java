package org.petitionpipeline.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Topic {@link Topics#PEOPLE_ACCESS_REQUESTS}, key = email hash (the person's, as in {@link SignatureKey}): report
 * everything held about this person (the GDPR's right of access). Every service that holds personal data answers
 * with one {@link AccessReport} on {@link Topics#PEOPLE_ACCESS_REPORTS}. May be published more than once for one
 * request id; a service answers a request once.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AccessRequested(int schemaVersion, UUID requestId, String emailHash, Instant requestedAt)
        implements Event {

    @Override
    public Optional<String> defect() {
        return Event.defectOf(this, "request_id", requestId, "email_hash", emailHash, "requested_at", requestedAt);
    }
}
