package org.petitionpipeline.email.suppression;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;

/**
 * What the mail provider tells us about a message after the SMTP server took it. Unknown fields are ignored:
 * providers add their own. {@code occurredAt} is optional (default: when we receive the report).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record BounceReport(Type type, String email, Instant occurredAt) {

    public enum Type {
        /** The address does not exist or refuses our mail for good: suppressed, status BOUNCING. */
        @JsonProperty("hard_bounce")
        HARD_BOUNCE,
        /** A full mailbox, a server down: counted, nothing suppressed; the provider retries. */
        @JsonProperty("soft_bounce")
        SOFT_BOUNCE,
        /** The recipient marked our mail as spam: suppressed, status SPAM_COMPLAINT. */
        @JsonProperty("complaint")
        COMPLAINT
    }
}
