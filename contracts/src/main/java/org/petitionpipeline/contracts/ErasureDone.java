package org.petitionpipeline.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Topic {@link Topics#PEOPLE_ERASURES_DONE}, key = email hash: one service finished an erasure. {@code service}
 * is its module name ({@code dedup-service}); {@code records} how many of its rows it anonymized or removed (0
 * when it held nothing of the person). The service that took the request records these to show its progress and
 * the time until the last service was done. May be published more than once.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ErasureDone(int schemaVersion, UUID erasureId, String emailHash, String service, int records,
        Instant doneAt) implements Event {

    @Override
    public Optional<String> defect() {
        return Event.defectOf(this, "erasure_id", erasureId, "email_hash", emailHash, "service", service, "done_at",
                doneAt);
    }
}
