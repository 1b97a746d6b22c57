package org.petitionpipeline.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;

/** What intake observed about the request that carried a signature (for fraud signals and consent evidence). */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record RequestFacts(Instant receivedAt, String clientIp, String userAgent, String referrer) {

    /** What a producer that observed nothing sends: every fact unknown. */
    public static final RequestFacts UNKNOWN = new RequestFacts(null, null, null, null);

    public static RequestFacts orUnknown(RequestFacts facts) {
        return facts != null ? facts : UNKNOWN;
    }
}
