package org.petitionpipeline.reporting.erasure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import org.petitionpipeline.contracts.PersonErasure;
import org.petitionpipeline.kit.erasure.ErasureAnnouncements;
import org.petitionpipeline.reporting.reports.repository.SignerRepository;
import org.petitionpipeline.reporting.webhooks.repository.DeliveryOutbox;
import org.petitionpipeline.reporting.webhooks.service.WebhookEvents;

/**
 * Erases what this service holds about a person: the names, postal code and comment of their signer rows, and their
 * email hash on the webhooks queued and sent for them (whose bodies are made from the signer rows), after a
 * person.erased webhook to each organization holding their signatures. Their
 * signatures stay counted (counted_signature, the totals, breakdowns and milestones are not touched), so no figure
 * moves. The rows, the tombstone that anonymizes late events of the person, and the announcement (relayed by
 * service-kit's {@code ErasureDoneRelay} after the commit) are written in one transaction.
 */
@ApplicationScoped
public class PersonErasures {

    private final SignerRepository signers;
    private final ErasedPersonRepository erasedPeople;
    private final ErasureAnnouncements done;
    private final DeliveryOutbox webhooks;
    private final WebhookEvents webhookEvents;

    public PersonErasures(SignerRepository signers, ErasedPersonRepository erasedPeople, ErasureAnnouncements done,
            DeliveryOutbox webhooks, WebhookEvents webhookEvents) {
        this.signers = signers;
        this.erasedPeople = erasedPeople;
        this.done = done;
        this.webhooks = webhooks;
        this.webhookEvents = webhookEvents;
    }

    /*
     * The erasure lock first, so two instances erasing the same person queue there, and never each hold the other's
     * tombstone row while waiting for the lock; and so the person.erased webhooks, queued before the signer rows are
     * emptied (they are found by the hash the erasure removes), name every signature the erasure then covers.
     */
    @Transactional
    public void erase(List<PersonErasure> batch) {
        for (PersonErasure erasure : batch) {
            signers.lockForErasure();
            webhookEvents.erased(erasure);
            int records = signers.erase(erasure.emailHash(), erasure.requestedAt());
            webhooks.forgetPerson(erasure.emailHash());
            erasedPeople.remember(erasure);
            done.record(erasure, records);
        }
    }
}
