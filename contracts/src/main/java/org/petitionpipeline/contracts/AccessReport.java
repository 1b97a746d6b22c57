package org.petitionpipeline.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Topic {@link Topics#PEOPLE_ACCESS_REPORTS}, key = email hash: what one service holds about a person, in answer to
 * an {@link AccessRequested}. {@code service} is its module name ({@code dedup-service}); {@code records} one map
 * per thing held (a signature, a signer row), field name to value, with a {@code kind} naming what it is; empty
 * when the service holds nothing of the person. This carries the person's data: the topic is under the same
 * retention as the signature topics, and the service that asked keeps the export only for a while.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AccessReport(int schemaVersion, UUID requestId, String emailHash, String service,
        List<Map<String, Object>> records, Instant madeAt) implements Event {

    /** The field of each record that says what it is ("signature", "signer"). */
    public static final String KIND = "kind";

    @Override
    public Optional<String> defect() {
        return Event.defectOf(this, "request_id", requestId, "email_hash", emailHash, "service", service, "records",
                records, "made_at", madeAt);
    }
}
