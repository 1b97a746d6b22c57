package org.petitionpipeline.email.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.petitionpipeline.contracts.Topics;
import org.petitionpipeline.email.mail.MailKind;
import org.petitionpipeline.email.web.PersonTokens;
import org.petitionpipeline.kit.people.PersonHashes;

/**
 * Takes erasure requests: from a person (an address typed on the privacy page, then the link mailed to it), or from
 * ops on a person's behalf. Either way the request is recorded, then relayed to {@code people.erasures}, which every
 * service that holds personal data consumes.
 */
@ApplicationScoped
public class ErasureService {

    private final ErasureRequests requests;
    private final ErasureRelay relay;
    private final LinkMail linkMail;
    private final PersonHashes people;
    /** Who must report before an erasure is complete: every consumer of people.erasures, from the catalogue. */
    private final Set<String> services;

    public ErasureService(ErasureRequests requests, ErasureRelay relay, LinkMail linkMail, PersonHashes people) {
        this.requests = requests;
        this.relay = relay;
        this.linkMail = linkMail;
        this.people = people;
        this.services = Answering.consumersOf(Topics.PEOPLE_ERASURES);
    }

    /** Mails the confirmation link to the address (see {@link LinkMail}). */
    public void mailConfirmationLink(String canonicalAddress, String language) {
        linkMail.queueOncePerHour(MailKind.ERASURE_CONFIRMATION, canonicalAddress, language);
    }

    /**
     * The person confirmed with the mailed link. The erasure's id comes from the link, so confirming twice (a double
     * click, a second tab) is one erasure.
     */
    public UUID confirmBySigner(String emailHash, String token) {
        UUID erasureId = PersonTokens.requestId("erasure", token);
        take(new ErasureRequests.Request(erasureId, emailHash, RequestChannel.SIGNER, null, null, Answering.now(),
                null));
        return erasureId;
    }

    /** Ops file a request received by letter, phone or otherwise, recorded with who filed it. */
    public ErasureStatus fileForPerson(String canonicalAddress, RequestChannel channel, String filedBy,
            String reference) {
        ErasureRequests.Request request = new ErasureRequests.Request(UUID.randomUUID(),
                people.ofCanonical(canonicalAddress), channel, filedBy, reference, Answering.now(), null);
        take(request);
        return status(request.erasureId()).orElseThrow();
    }

    public Optional<ErasureStatus> status(UUID erasureId) {
        return requests.find(erasureId).map(request -> ErasureStatus.of(request, requests.progress(erasureId), services));
    }

    public List<ErasureStatus> recent(int limit) {
        return requests.recent(limit).stream()
                .map(request -> ErasureStatus.of(request, requests.progress(request.erasureId()), services)).toList();
    }

    private void take(ErasureRequests.Request request) {
        requests.record(request);
        relay.relayNow();
    }
}
