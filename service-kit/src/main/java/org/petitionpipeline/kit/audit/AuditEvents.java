package org.petitionpipeline.kit.audit;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.petitionpipeline.contracts.AuditEvent;
import org.petitionpipeline.contracts.EventSchema;
import org.petitionpipeline.kit.KitFeatures;
import org.petitionpipeline.kit.identity.Caller;

/**
 * Records what a caller did, or was refused, for reporting's audit log: into the service's {@link AuditOutbox}, from
 * which {@link AuditEventRelay} puts it on {@code audit.events} within a second or two, and reporting adds it to
 * {@code reporting.audit_event} once. The same contract as reporting's own log ({@code AuditLog.record}), for the
 * services that keep none.
 */
@IfBuildProperty(name = KitFeatures.AUDIT, stringValue = KitFeatures.ON)
@ApplicationScoped
public class AuditEvents {

    private final AuditOutbox outbox;
    private final String service;

    /** @param service the module name the entries are signed with ({@code email-service}) */
    public AuditEvents(AuditOutbox outbox, @ConfigProperty(name = "quarkus.application.name") String service) {
        this.outbox = outbox;
        this.service = service;
    }

    /**
     * Records what {@code actor} did. A {@link AuditEvent#SUCCESS} joins the caller's transaction, if there is one,
     * so the action and its entry commit together or not at all. A {@link AuditEvent#DENIED} or
     * {@link AuditEvent#FAILED} entry is committed at once in a transaction of its own: the request that made it is
     * about to fail, and its rollback must not take the entry with it.
     *
     * @param action        a label, {@code <thing>.<verb>} as reporting's are: {@code mailing.post}
     * @param organization  the organization's slug, null for an action outside any
     * @param target        what was acted on: a petition's slug, a request's id; null if nothing more
     * @param outcome       one of {@link AuditEvent#OUTCOMES}
     * @param detail        a few words more (a count, a reason); no personal data of signers; null for none
     * @param clientAddress the request's peer address, null when not from a request
     * @throws IllegalArgumentException when the entry lacks what reporting's log requires (an action, a known outcome)
     */
    public void record(Caller actor, String action, String organization, String target, String outcome,
            Map<String, String> detail, String clientAddress) {
        AuditEvent event = new AuditEvent(EventSchema.VERSION, UUID.randomUUID(),
                // microseconds, as PostgreSQL keeps them: the time relayed is the time stored
                Instant.now().truncatedTo(ChronoUnit.MICROS), service, actor.accountId(), actor.label(), organization,
                action, target, outcome, detail, clientAddress);
        event.defect().ifPresent(defect -> {
            throw new IllegalArgumentException("audit entry " + action + " by " + actor.label() + ": " + defect);
        });
        if (AuditEvent.SUCCESS.equals(outcome)) {
            outbox.record(event);
        } else {
            QuarkusTransaction.requiringNew().run(() -> outbox.record(event));
        }
    }
}
