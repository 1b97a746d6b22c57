package org.petitionpipeline.email.privacy.access;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.petitionpipeline.contracts.Topics;
import org.petitionpipeline.contracts.topics.Service;
import org.petitionpipeline.email.mail.MailKind;
import org.petitionpipeline.email.privacy.Answering;
import org.petitionpipeline.email.privacy.LinkMail;
import org.petitionpipeline.email.privacy.RequestChannel;
import org.petitionpipeline.email.web.PersonTokens;
import org.petitionpipeline.kit.people.PersonHashes;

/**
 * Takes access requests: from a person (an address typed on the privacy page, then the link mailed to it), or from
 * ops on a person's behalf. Either way the request is recorded with email's own part of the export, then relayed to
 * {@code people.access-requests}; the other services' parts arrive on {@code people.access-reports}.
 */
@ApplicationScoped
public class AccessService {

    private final AccessRequests requests;
    private final AccessRelay relay;
    private final OwnRecords own;
    private final LinkMail linkMail;
    private final PersonHashes people;
    /** Whose parts make an export complete: email's own and every consumer's of people.access-requests. */
    private final Set<String> services;

    public AccessService(AccessRequests requests, AccessRelay relay, OwnRecords own, LinkMail linkMail,
            PersonHashes people) {
        this.requests = requests;
        this.relay = relay;
        this.own = own;
        this.linkMail = linkMail;
        this.people = people;
        Set<String> answering = new HashSet<>(Answering.consumersOf(Topics.PEOPLE_ACCESS_REQUESTS));
        answering.add(Service.EMAIL.module());
        this.services = Set.copyOf(answering);
    }

    /** Mails the link to the export to the address (see {@link LinkMail}). */
    public void mailLink(String canonicalAddress, String language) {
        linkMail.queueOncePerHour(MailKind.ACCESS_LINK, canonicalAddress, language);
    }

    /**
     * The person opened their link: the request's id comes from the link, so opening it again (the page reloading
     * itself, a second tab, a link scanner) is one request, and shows how far it got.
     */
    public AccessStatus openedBySigner(String emailHash, String token) {
        UUID requestId = PersonTokens.requestId("access", token);
        take(new AccessRequests.Request(requestId, emailHash, RequestChannel.SIGNER, null, null, Answering.now(),
                null, null));
        return status(requestId).orElseThrow();
    }

    /** Ops file a request received by letter, phone or otherwise, recorded with who filed it. */
    public AccessStatus fileForPerson(String canonicalAddress, RequestChannel channel, String filedBy,
            String reference) {
        AccessRequests.Request request = new AccessRequests.Request(UUID.randomUUID(),
                people.ofCanonical(canonicalAddress), channel, filedBy, reference, Answering.now(), null, null);
        take(request);
        return status(request.requestId()).orElseThrow();
    }

    public Optional<AccessStatus> status(UUID requestId) {
        return requests.find(requestId)
                .map(request -> AccessStatus.of(request, requests.parts(requestId), services));
    }

    /** Records the other services' parts as they arrive. */
    public void recordPart(UUID requestId, AccessRequests.Part part) {
        requests.recordPart(requestId, part);
    }

    /*
     * Email's own part is collected when the request is recorded, as the others collect theirs when it reaches them;
     * both statements are idempotent, so a request whose part went missing (a crash between them) gets it when the
     * link is opened again.
     */
    private void take(AccessRequests.Request request) {
        requests.record(request);
        if (requests.parts(request.requestId()).stream()
                .noneMatch(part -> part.service().equals(Service.EMAIL.module()))) {
            requests.recordPart(request.requestId(), new AccessRequests.Part(Service.EMAIL.module(),
                    Answering.now(), own.of(request.emailHash())));
        }
        relay.relayNow();
    }
}
