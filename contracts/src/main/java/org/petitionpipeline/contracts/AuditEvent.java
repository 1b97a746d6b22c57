package org.petitionpipeline.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Topic {@link Topics#AUDIT_EVENTS}, key = the organization's slug, or {@value #PLATFORM_KEY} for an action outside
 * any: an entry for reporting's audit log, from a service that keeps no log of its own. {@code service} is its module
 * name ({@code email-service}); {@code action} a label like {@code mailing.post}; {@code outcome} one of
 * {@link #OUTCOMES}. Staff data only: the actor is an account or a deployment token, the target a slug or an id,
 * never a signer. May be published more than once; {@code eventId} tells the copies apart from new entries.
 *
 * @param actorAccount  null for a deployment's token, which belongs to no account
 * @param organization  null for an action outside any organization
 * @param detail        a few words more (a count, a reason); empty when there are none
 * @param clientAddress the request's peer address, null when the action came from no request
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AuditEvent(int schemaVersion, UUID eventId, Instant at, String service, UUID actorAccount,
        String actorLabel, String organization, String action, String target, String outcome,
        Map<String, String> detail, String clientAddress) implements Event {

    public static final String SUCCESS = "SUCCESS";
    /** Refused for want of a right. */
    public static final String DENIED = "DENIED";
    /** Attempted and failed. */
    public static final String FAILED = "FAILED";
    /** The outcomes reporting's log holds (its table checks them). */
    public static final Set<String> OUTCOMES = Set.of(SUCCESS, DENIED, FAILED);
    public static final String PLATFORM_KEY = "platform";

    public AuditEvent {
        detail = detail == null ? Map.of() : Map.copyOf(detail);
    }

    public String key() {
        return organization == null ? PLATFORM_KEY : organization;
    }

    @Override
    public Optional<String> defect() {
        return Event.defectOf(this, "event_id", eventId, "at", at, "service", service, "actor_label", actorLabel,
                "action", action, "outcome", outcome)
                .or(() -> OUTCOMES.contains(outcome) ? Optional.empty()
                        : Optional.of("outcome " + outcome + " is none of " + OUTCOMES));
    }
}
