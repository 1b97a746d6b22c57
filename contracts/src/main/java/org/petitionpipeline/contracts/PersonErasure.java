package org.petitionpipeline.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Topic {@link Topics#PEOPLE_ERASURES}, key = email hash (the person's, as in {@link SignatureKey}): erase what
 * is held about this person. Every service that holds personal data removes or irreversibly anonymizes it, keeps
 * the person's signatures counted without anything that names them, remembers the hash and {@code requestedAt} so
 * that a signature of before the request arriving late (a replay, a backlog) is stored already anonymized, and
 * announces on {@link Topics#PEOPLE_ERASURES_DONE} that it is done. May be published more than once for one
 * erasure id; erasing again changes nothing.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PersonErasure(int schemaVersion, UUID erasureId, String emailHash, Instant requestedAt) implements Event {

    @Override
    public Optional<String> defect() {
        return Event.defectOf(this, "erasure_id", erasureId, "email_hash", emailHash, "requested_at", requestedAt);
    }
}
